"""Duizhao entry point: no arguments opens the window; ``compare ...`` and ``matrix ...`` run the command line.

    python main.py                      # the window, with the sample pair
    python main.py gui [LEFT [RIGHT]]   # the window, with these files
    python main.py compare LEFT RIGHT [--json F] [--pdf F] [--docx F] [--redline F] ...
    python main.py matrix BASE OTHER... [--xlsx F] [--json F] ...
"""

from __future__ import annotations

import sys

USAGE = (
    "用法：\n"
    "  main.py                          打开窗口（默认载入示例文件）\n"
    "  main.py gui [左侧文件 [右侧文件]]   打开窗口并载入文件\n"
    "  main.py compare 左侧 右侧 [选项]     命令行比较；main.py compare --help 查看选项\n"
    "  main.py matrix 基准 对照... [选项]   一份基准对照多份文件，生成条目对照矩阵（--xlsx/--json）；\n"
    "                                   main.py matrix --help 查看选项\n"
    "  main.py --version                显示版本\n"
)


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the command line or the window; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "compare":
        from cli.compare import run_compare

        return run_compare(args[1:])
    if args and args[0] == "matrix":
        from cli.matrix import run_matrix

        return run_matrix(args[1:])
    if args and args[0] in ("-h", "--help", "help"):
        print(USAGE)
        return 0
    if args and args[0] == "--version":
        from core.resources import version

        print(f"Duizhao {version()}")
        return 0
    if args and args[0] == "gui":
        args = args[1:]
    if len(args) > 2 or any(a.startswith("-") and a != "--self-test" for a in args):
        print(f"duizhao: 参数错误：{' '.join(args)}\n{USAGE}", file=sys.stderr)
        return 2
    from gui.app import run

    self_test = "--self-test" in args
    return run([a for a in args if a != "--self-test"], self_test=self_test)


if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        # A frozen app's worker processes (the matrix compares documents in parallel) start
        # this executable again; freeze_support turns them into workers instead of new apps.
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
