#!/usr/bin/env python3
"""Checks that a .deb declares every package its executables and libraries
load directly: each NEEDED shared library must belong to a package named in
the Depends field. Prints one line per library.

usage: deb-dependencies.py PACKAGE.deb EXTRACTED_ROOT
"""
import os
import re
import subprocess
import sys


def run(*argv):
    return subprocess.run(argv, check=True, capture_output=True, text=True).stdout


def owner_of(path):
    """The package that installed path; with the /usr merge, dpkg may know
    it under /lib or /usr/lib, and as the link or its target."""
    real = os.path.realpath(path)
    candidates = []
    for candidate in (path, real):
        candidates += [candidate, candidate.replace("/usr/lib/", "/lib/", 1),
                       candidate.replace("/lib/", "/usr/lib/", 1)]
    for candidate in candidates:
        found = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if found.returncode == 0:
            return found.stdout.split(":")[0]
    return "?"


def main():
    deb, root = sys.argv[1], sys.argv[2]
    depends = {re.split(r"[ (]", item.strip())[0]
               for item in run("dpkg-deb", "-f", deb, "Depends").split(",")}
    elf_files = [line.split(":")[0] for line in run("find", root, "-type", "f", "-exec", "file", "{}", "+").splitlines()
                 if "ELF" in line]
    missing = 0
    for elf in sorted(elf_files):
        needed = re.findall(r"NEEDED\s+(\S+)", run("objdump", "-p", elf))
        linked = run("ldd", elf)
        resolved = dict(re.findall(r"^\s*(\S+) => (\S+)", linked, re.M))
        # The dynamic loader is listed by its path alone.
        resolved.update((os.path.basename(p), p)
                        for p in re.findall(r"^\s*(/\S+) \(", linked, re.M))
        for soname in needed:
            path = resolved.get(soname)
            if not path or path == "not":
                print("%s: %s not found" % (elf, soname))
                missing += 1
                continue
            owner = owner_of(path)
            ok = owner in depends
            print("%s %s %s" % (soname, owner, "declared" if ok else "UNDECLARED"))
            missing += not ok
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
