"""`make bench` (`python -m bench` from a checkout): speed and memory, printed as a table.

`bench.answering` measures answering and start-up and prints the table; `bench.slack` and
`bench.scheduler` add the rows of the platform benches, which run the real bot against the fakes
under `tests/fakes`. None of it is shipped: the package holds `bot`, `briefings` and `config` only.
"""
