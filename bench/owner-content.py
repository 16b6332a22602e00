#!/usr/bin/env python3
"""Time `check` on pathological owner content against the shipped example, for one or more builds.

Usage: bench/owner-content.py BUILD_DLL [BUILD_DLL ...]   (e.g. src/ProfileSite/bin/Debug/net10.0/ProfileSite.dll)
Cases: the shipped content (baseline); about.md with 20,000 nested <div>s; a paper title of one 10,000-letter word.
Each build runs each case 3 times (a run over 300 s counts as a timeout); medians are printed.
"""
import os, shutil, statistics, subprocess, sys, tempfile, time

repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
paper = "publications/2024-tpami-implicit-regularization-of-dropout.md"


def site(edit):
    folder = tempfile.mkdtemp(prefix="owner-bench-")
    shutil.copytree(os.path.join(repo, "content"), os.path.join(folder, "content"))
    for name, change in edit.items():
        path = os.path.join(folder, "content", name)
        text = open(path, encoding="utf-8").read()
        open(path, "w", encoding="utf-8").write(change(text))
    return folder


cases = {
    "baseline": {},
    "20,000 nested <div>": {"about.md": lambda t: t + "\n" + "<div>" * 20000 + "x" + "</div>" * 20000 + "\n"},
    "10,000-letter title": {paper: lambda t: t.replace("title: Implicit Regularization of Dropout", "title: " + "x" * 10000, 1)},
}

for name, edit in cases.items():
    folder = site(edit)
    for dll in sys.argv[1:]:
        times = []
        for _ in range(3):
            start = time.time()
            try:
                subprocess.run(["dotnet", dll, "check", "--content", folder + "/content", "--webroot", repo + "/wwwroot"],
                               capture_output=True, timeout=300)
            except subprocess.TimeoutExpired:
                times.append(float("inf"))
                break
            times.append(time.time() - start)
        print(f"{name:22} {dll}: median {statistics.median(times):.1f} s {[round(t, 1) for t in times]}", flush=True)
    shutil.rmtree(folder)
