#!/usr/bin/env python3
"""Exec to first 200: starts a command, polls a URL until it answers 200, prints the seconds.

Usage: startup.py RUNS PORT URL_PATH LOGFILE -- COMMAND...
Runs the command RUNS times (each on PORT, killed after its first 200) and prints one line per
run with the time from exec to the first 200 on URL_PATH, then the median. Loopback only.
"""
import http.client
import os
import signal
import statistics
import subprocess
import sys
import time


def first_200(command, port, path, log):
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=log, stderr=log, start_new_session=True)
    try:
        deadline = started + 60
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise SystemExit(f"the app exited with {process.returncode} before answering")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                connection.close()
                if response.status == 200:
                    return time.monotonic() - started
            except OSError:
                time.sleep(0.002)
        raise SystemExit("no 200 within 60 s")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def main():
    runs, port, path, log_path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
    command = sys.argv[sys.argv.index("--") + 1:]
    times = []
    with open(log_path, "ab") as log:
        for run in range(runs):
            seconds = first_200(command, port, path, log)
            times.append(seconds)
            print(f"run {run + 1}: {seconds * 1000:.0f} ms", flush=True)
            time.sleep(0.5)
    print(f"median: {statistics.median(times) * 1000:.0f} ms (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}) over {runs} runs")


if __name__ == "__main__":
    main()
