#!/usr/bin/env python3
"""Checks that a .deb declares every package its executables and libraries
load directly: each NEEDED shared library, and the interpreter each script
names on its #! line, must belong to a package named in the Depends field.
Prints one line per library and interpreter.

usage: deb-dependencies.py PACKAGE.deb EXTRACTED_ROOT
"""
import os
import re
import shutil
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
    # An interpreter may come with a declared package rather than in it
    # (python3 brings /usr/bin/python3 in python3-minimal).
    pulled = depends | {dependency for package in depends
                        for dependency in dependencies_of(package)}
    for script in sorted(scripts(root)):
        owner = owner_of(interpreter(script))
        ok = owner in pulled
        print("%s %s %s" % (os.path.basename(script), owner,
                            "declared" if ok else "UNDECLARED"))
        missing += not ok
    return 1 if missing else 0


def dependencies_of(package):
    found = subprocess.run(["dpkg-query", "-W", "-f=${Pre-Depends},${Depends}", package],
                           capture_output=True, text=True)
    return {re.split(r"[ (:]", item.strip())[0]
            for item in found.stdout.replace("|", ",").split(",")
            if item.strip()}


def scripts(root):
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            if os.access(path, os.X_OK) and not os.path.islink(path):
                with open(path, "rb") as stream:
                    if stream.read(2) == b"#!":
                        yield path


def interpreter(script):
    """The program a #! line runs; through /usr/bin/env, the one a Debian
    system's PATH finds (not a user's own, such as a pyenv shim)."""
    with open(script, encoding="utf-8", errors="replace") as stream:
        words = stream.readline()[2:].split()
    if os.path.basename(words[0]) == "env" and len(words) > 1:
        return shutil.which(words[1], path="/usr/bin:/bin") or words[1]
    return words[0]


if __name__ == "__main__":
    sys.exit(main())
