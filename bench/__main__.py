"""`python -m bench`: the whole table (see `bench.answering.main`)."""

from bench.answering import main

main()
