#!/usr/bin/env python3
"""Drives a clangd binary over stdio as an editor does and prints what the
editor would show for one file: its diagnostics and the code actions
offered for them. Used by the coro-clangd lit tests.

usage: lsp_session.py CLANGD FILE [--isolated] [--then COMMAND] [CLANGD_ARGS...]
With --isolated, FILE's folder is copied to a new folder under the system's
temporary directory (no .clang-tidy or .clangd above it) and clangd runs with
an empty HOME: what a user with no configuration at all sees. A file named
user-config.yaml in FILE's folder becomes that HOME's clangd config.yaml.
With --then, COMMAND runs in a shell after the first diagnostics, the
editor sends the text again with a newline added (the user goes on typing),
and the new diagnostics follow a "then" line: what an editor shows once
something on disk changed.
Output, one line each:
  diagnostic LINE:COL SEVERITY SOURCE CODE: MESSAGE
  related [FILE:]LINE:COL: MESSAGE (FILE when it is another file)
  action TITLE
  edit LINE:COL-LINE:COL NEW_TEXT
  log MESSAGE (each line coro-clangd itself writes to stderr, at the end)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading

TIMEOUT_SECONDS = 60


class Client:
    def __init__(self, argv, env):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=env)
        self.next_id = 0
        self.messages = []
        self.logs = []
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()
        self.log_reader = threading.Thread(target=self._read_log, daemon=True)
        self.log_reader.start()

    def _read_log(self):
        for line in self.proc.stderr:
            line = line.decode(errors="replace").rstrip("\n")
            if line.startswith("coro-clangd:"):
                self.logs.append(line)
            else:
                sys.stderr.write(line + "\n")

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.decode().strip()
                if not line:
                    break
                key, _, value = line.partition(":")
                headers[key.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            with self.cond:
                self.messages.append(json.loads(body))
                self.cond.notify_all()

    def send(self, payload):
        data = json.dumps(payload).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        self.next_id += 1
        ident = self.next_id
        self.send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == ident and "method" not in m)

    def wait(self, predicate):
        with self.cond:
            ok = self.cond.wait_for(
                lambda: any(predicate(m) for m in self.messages), TIMEOUT_SECONDS)
            if not ok:
                sys.exit("timed out waiting for clangd")
            found = next(m for m in self.messages if predicate(m))
            self.messages.remove(found)
            return found


def position(pos):
    return "%d:%d" % (pos["line"] + 1, pos["character"] + 1)


def print_diagnostics(client, uri, published):
    diagnostics = published["params"]["diagnostics"]
    for diag in diagnostics:
        print("diagnostic %s %d %s %s: %s" % (
            position(diag["range"]["start"]), diag.get("severity", 0),
            diag.get("source", "-"), diag.get("code", "-"),
            diag["message"].replace("\n", " ")))
        for related in diag.get("relatedInformation", []):
            where = related["location"]
            prefix = "" if where["uri"] == uri else \
                os.path.basename(where["uri"]) + ":"
            print("related %s%s: %s" % (prefix, position(where["range"]["start"]),
                                        related["message"]))
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": diag["range"],
            "context": {"diagnostics": [diag]}})
        for action in actions.get("result") or []:
            print("action " + action["title"])
            for edits in (action.get("edit") or {}).get("changes", {}).values():
                for edit in edits:
                    print("edit %s-%s %s" % (position(edit["range"]["start"]),
                                             position(edit["range"]["end"]),
                                             edit["newText"]))
    print("diagnostics: %d" % len(diagnostics))


def isolated_copy(path, scratch):
    """FILE's folder copied where no config lies above it, and an empty HOME."""
    project = os.path.join(scratch, "project")
    shutil.copytree(os.path.dirname(path), project)
    home = os.path.join(scratch, "home")
    os.mkdir(home)
    user_config = os.path.join(project, "user-config.yaml")
    if os.path.exists(user_config):
        os.makedirs(os.path.join(home, ".config", "clangd"))
        shutil.move(user_config, os.path.join(home, ".config", "clangd", "config.yaml"))
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("XDG_")}
    env["HOME"] = home
    return os.path.join(project, os.path.basename(path)), env


def main():
    clangd, path = sys.argv[1], os.path.abspath(sys.argv[2])
    then, clangd_args = None, sys.argv[3:]
    env = None
    with tempfile.TemporaryDirectory() as scratch:
        if clangd_args[:1] == ["--isolated"]:
            clangd_args = clangd_args[1:]
            path, env = isolated_copy(path, scratch)
        if clangd_args[:1] == ["--then"]:
            then, clangd_args = clangd_args[1], clangd_args[2:]
        return run_session(clangd, path, then, clangd_args, env)


def run_session(clangd, path, then, clangd_args, env):
    uri = "file://" + path
    client = Client([clangd, "--log=error"] + clangd_args, env)
    client.request("initialize", {
        "processId": os.getpid(),
        "rootUri": "file://" + os.path.dirname(path),
        "capabilities": {"textDocument": {
            "publishDiagnostics": {"relatedInformation": True},
            "codeAction": {"codeActionLiteralSupport": {
                "codeActionKind": {"valueSet": ["quickfix"]}}}}},
    })
    client.notify("initialized", {})
    with open(path) as source:
        text = source.read()
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "cpp", "version": 1, "text": text}})
    published = client.wait(
        lambda m: m.get("method") == "textDocument/publishDiagnostics"
        and m["params"]["uri"] == uri)
    print_diagnostics(client, uri, published)
    if then is not None:
        subprocess.run(then, shell=True, check=True)
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"text": text + "\n"}]})
        published = client.wait(
            lambda m: m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri
            and m["params"].get("version") == 2)
        print("then")
        print_diagnostics(client, uri, published)
    client.request("shutdown", None)
    client.notify("exit", None)
    client.proc.wait(timeout=TIMEOUT_SECONDS)
    client.log_reader.join(TIMEOUT_SECONDS)
    for line in client.logs:
        print("log " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
