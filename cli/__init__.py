"""The command line: ``main.py compare LEFT RIGHT ...`` and ``main.py matrix BASE OTHER... ...``.

An interface beside ``gui``: it parses arguments, runs the engine (``core``) and hands the
result to the exports; it never imports Qt and the engine never imports it.

Exit codes: 0 success; 2 unusable input or arguments, a file-system error, or a comparison
stopped by ``--timeout`` (one line on stderr, no traceback); 1 internal error; 128 + n when
stopped by signal n (SIGINT, SIGTERM). Every output is checked before the comparison starts
and the outputs are written all or nothing; temporary files are removed on a signal too.

``compare`` and ``matrix`` hold what differs between the sub-commands (their arguments,
outputs and summary); ``run`` is the part they share, with ``args`` (options common to
both), ``outputs`` (checking and writing the files) and ``stop`` (signals and the timeout).
"""
