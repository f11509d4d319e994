"""The Slack bench runs (on a small burst) and reports what `make bench` prints."""

from __future__ import annotations

from bench.slack import bench_slack


async def test_the_slack_bench_reports_acks_and_no_duplicates() -> None:
    rows = {measure: value for _, measure, value in await bench_slack(events=20)}
    assert rows["acked with 200 within 3 s"] == "40/40"
    assert rows["questions answered"] == "20/20" and rows["duplicate posts"] == "0"
    assert rows["ack p50"].endswith("ms") and rows["ack p99"].endswith("(limit 3000 ms)")
