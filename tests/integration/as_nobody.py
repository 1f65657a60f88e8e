"""Run the command line as the unprivileged user 'nobody', so permission tests bite (tests run as
root, for whom no mode bit refuses anything).

The interpreter lives where 'nobody' cannot read (under /root here), so everything the commands
use is imported first, as root; then the process drops to 'nobody' and runs ``cli.main``.
"""

from __future__ import annotations

import os
import pwd
import sys

import keyring
import keyrings.alt.file  # noqa: F401
import sqlalchemy.dialects.sqlite.pysqlite  # noqa: F401

import officer_app.cli as cli  # with every command group
import officer_app.demo
import officer_app.documents.destination
import officer_app.documents.letter_pdf
import officer_app.letters
import officer_app.services.letters
import officer_app.services.profile
import officer_app.services.verification
import officer_app.store.migrate  # noqa: F401


def main() -> int:
    keyring.get_keyring()
    cli.build_parser()  # argparse's own lazy imports, while the standard library is readable
    nobody = pwd.getpwnam("nobody")
    os.setgroups([])
    os.setgid(nobody.pw_gid)
    os.setuid(nobody.pw_uid)
    return cli.main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
