#!/usr/bin/env python3
"""Where the CPU went in a dotnet-trace "sampled thread time" profile (docs/performance.md).

dotnet-trace's dotnet-sampled-thread-time profile samples every thread, running or not; a sample
whose leaf frame is CPU_TIME was executing managed code. This sums, for those samples only, the
time under each frame (inclusive), or with --under FRAME the time under the frames called from the
innermost frame whose name contains FRAME (depth --depth).

  dotnet-trace collect -p PID --profile dotnet-sampled-thread-time --duration 00:00:00:12 --format Speedscope
  python3 tools/profiling/cpu_time.py trace.speedscope.json [--match TEXT] [--top N]
  python3 tools/profiling/cpu_time.py trace.speedscope.json --under "BallotWriter+<CommitAsync>" --depth 2
"""
import argparse
import collections
import json


def cpu_stacks(path):
    """Yields (frame names root→leaf without CPU_TIME, milliseconds) for every CPU_TIME interval."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    names = [frame["name"] for frame in data["shared"]["frames"]]
    for profile in data["profiles"]:
        stack, last = [], None
        for event in profile["events"]:
            at = event["at"]
            if last is not None and stack and names[stack[-1]] == "CPU_TIME":
                yield [names[i] for i in stack[:-1]], at - last
            last = at
            if event["type"] == "O":
                stack.append(event["frame"])
            else:
                while stack and stack.pop() != event["frame"]:
                    pass


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("speedscope")
    parser.add_argument("--match", default="", help="only frames whose name contains this")
    parser.add_argument("--top", type=int, default=60)
    parser.add_argument("--under", help="break down the time under the innermost frame containing this")
    parser.add_argument("--depth", type=int, default=1)
    args = parser.parse_args()

    total = 0.0
    sums = collections.Counter()
    for frames, ms in cpu_stacks(args.speedscope):
        total += ms
        if args.under:
            hits = [i for i, name in enumerate(frames) if args.under in name]
            if hits:
                below = frames[hits[-1] + 1:hits[-1] + 1 + args.depth] or ["(itself)"]
                sums[" > ".join(name.split("!")[-1][:90] for name in below)] += ms
        else:
            for name in set(frames):
                if args.match in name:
                    sums[name] += ms
    print(f"CPU_TIME samples: {total:.0f} ms")
    for name, ms in sums.most_common(args.top):
        print(f"{100 * ms / total:6.1f}%  {ms:9.0f} ms  {name[:200]}")


if __name__ == "__main__":
    main()
