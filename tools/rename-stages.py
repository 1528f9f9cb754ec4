#!/usr/bin/env python3
"""One-off, idempotent move of the old `activities` module into `stages`, one package per stage.

Run from the repository root. Safe to run again (and on a branch that still has the old layout):
it moves what is left under activities/ and rewrites every remaining old package name.
"""
import os
import re
import subprocess
import sys

PACKAGES = {
    "cycle": "cycles",
    "ballot": "voting",
    "certification": "certification",
    "recount": "certification",
    "fundraiser": "fundraising",
    "vetting": "vetting",
    "pledge": "vetting",
    "nomination": "nominations",
    "member": "supporters",
    "supporter": "supporters",
    "outbox": "outreach",
    "district": "districts",
    "db": "platform.db",
    "links": "platform.links",
    "testing": "testing",
}

# Every migration belongs to the stage whose tables it creates; one ordered history across folders.
MIGRATIONS = {
    "V1__": "platform", "V2__": "platform", "V8__": "platform",
    "V10__": "outreach", "V11__": "outreach", "V12__": "outreach", "V13__": "outreach",
    "V20__": "voting", "V21__": "voting",
    "V30__": "vetting",
    "V40__": "supporters", "V41__": "supporters", "V42__": "supporters", "V43__": "supporters",
    "V44__": "supporters",
    "V50__": "districts",
    "V60__": "fundraising",
    "V70__": "users", "V71__": "audit",
    "V73__": "certification",
}

STAGE_SCAN = ", ".join('"org.primarypipeline.%s"' % p for p in sorted(set(
    v for k, v in PACKAGES.items() if k != "testing")))


def git(*args):
    subprocess.run(["git", *args], check=True)


def move_module():
    if os.path.isdir("activities"):
        if os.path.isdir("stages"):
            for root, _, files in os.walk("activities"):
                if "/target" in root or root.endswith("target"):
                    continue
                for f in files:
                    src = os.path.join(root, f)
                    dst = "stages" + src[len("activities"):]
                    os.makedirs(os.path.dirname(dst), exist_ok=True)
                    if subprocess.run(["git", "ls-files", "--error-unmatch", src],
                                      capture_output=True).returncode == 0:
                        git("mv", "-f", src, dst)
                    else:
                        os.replace(src, dst)
        else:
            git("mv", "activities", "stages")


def move_sources():
    for kind in ("main", "test"):
        old_root = f"stages/src/{kind}/java/org/primarypipeline/activities"
        if not os.path.isdir(old_root):
            continue
        for root, _, files in os.walk(old_root):
            rel = os.path.relpath(root, old_root)
            parts = [] if rel == "." else rel.split(os.sep)
            if not parts:
                continue
            new_pkg = PACKAGES.get(parts[0])
            if new_pkg is None:
                sys.exit(f"no stage for package activities.{'.'.join(parts)}")
            new_dir = os.path.join(f"stages/src/{kind}/java/org/primarypipeline",
                                   *new_pkg.split("."), *parts[1:])
            os.makedirs(new_dir, exist_ok=True)
            for f in files:
                git("mv", os.path.join(root, f), os.path.join(new_dir, f))


def move_migrations():
    base = "stages/src/main/resources/db/migration"
    if not os.path.isdir(base):
        return
    for f in sorted(os.listdir(base)):
        if not f.endswith(".sql"):
            continue
        prefix = f.split("__")[0] + "__"
        stage = MIGRATIONS.get(prefix)
        if stage is None:
            sys.exit(f"no stage for migration {f}: add it to MIGRATIONS")
        os.makedirs(os.path.join(base, stage), exist_ok=True)
        git("mv", os.path.join(base, f), os.path.join(base, stage, f))


OLD = re.compile(r"org([./])primarypipeline\1activities\1(\w+)")


def rewrite(text):
    def sub(m):
        sep, pkg = m.group(1), m.group(2)
        new = PACKAGES.get(pkg)
        if new is None:
            return m.group(0)
        return "org" + sep + "primarypipeline" + sep + new.replace(".", sep)
    text = OLD.sub(sub, text)
    # Component scans of the whole old module scan every stage package instead.
    text = re.sub(r'@ComponentScan\("org\.primarypipeline\.activities"\)', "@ComponentScan({" + STAGE_SCAN + "})",
                  text)
    text = text.replace('"org.primarypipeline.activities"', STAGE_SCAN)
    return text


def rewrite_files():
    for root, dirs, files in os.walk("."):
        dirs[:] = [d for d in dirs if d not in ("target", ".git", "var", "node_modules")]
        for f in files:
            if not f.endswith((".java", ".properties", ".xml", ".yaml", ".yml", ".factories", ".imports")):
                continue
            path = os.path.join(root, f)
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
            new = rewrite(text)
            if f == "pom.xml" or f == "Dockerfile":
                new = new.replace("<module>activities</module>", "<module>stages</module>")
                new = new.replace("<artifactId>activities</artifactId>", "<artifactId>stages</artifactId>")
                new = new.replace("Primary Pipeline: activities", "Primary Pipeline: stages")
            if new != text:
                with open(path, "w", encoding="utf-8") as fh:
                    fh.write(new)
    dockerfile = "deploy/Dockerfile"
    if os.path.exists(dockerfile):
        with open(dockerfile, encoding="utf-8") as fh:
            text = fh.read()
        new = text.replace("COPY activities/pom.xml activities/", "COPY stages/pom.xml stages/")
        if new != text:
            with open(dockerfile, "w", encoding="utf-8") as fh:
                fh.write(new)


if __name__ == "__main__":
    move_module()
    move_sources()
    move_migrations()
    rewrite_files()
