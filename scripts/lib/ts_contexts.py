#!/usr/bin/env python3
"""Post-processing of lupdate's output for DeployDesk (see update-translations.sh).

  ts_contexts.py FILE.ts PLAIN_CONTEXTS.txt
      Moves the messages of the contexts listed (classes without Q_OBJECT and
      namespaces, where DeployDesk's free tr()/msg() helpers translate in the
      "DeployDesk" context) into the "DeployDesk" context, reusing a translation
      kept there (also an obsolete one), and drops the emptied contexts.
  ts_contexts.py --compare COMMITTED.ts FRESH.ts
      Exit 1, listing them, when FRESH has a message COMMITTED lacks, or COMMITTED
      has a current message unfinished.
  ts_contexts.py --stats FILE.ts
      Prints how many messages are finished, unfinished and obsolete.
"""
import sys
import xml.etree.ElementTree as ET

MAIN = "DeployDesk"


def key(message):
    source = message.findtext("source") or ""
    comment = message.findtext("comment") or ""
    return (source, comment)


def is_obsolete(message):
    t = message.find("translation")
    return t is not None and t.get("type") in ("obsolete", "vanished")


def is_unfinished(message):
    t = message.find("translation")
    return t is None or t.get("type") == "unfinished" or not (
        (t.text or "").strip() or list(t))


def write(tree, path):
    ET.indent(tree, space="    ")
    with open(path, "wb") as f:
        f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(f, encoding="utf-8", xml_declaration=False)
        f.write(b"\n")


def merge(path, plain_path):
    with open(plain_path, encoding="utf-8") as f:
        plain = {line.strip() for line in f if line.strip()}
    tree = ET.parse(path)
    root = tree.getroot()
    contexts = {c.findtext("name"): c for c in root.findall("context")}
    main = contexts.get(MAIN)
    if main is None:
        main = ET.SubElement(root, "context")
        ET.SubElement(main, "name").text = MAIN
    by_key = {key(m): m for m in main.findall("message")}
    for name, context in list(contexts.items()):
        if name == MAIN or name not in plain:
            continue
        for message in context.findall("message"):
            existing = by_key.get(key(message))
            if existing is None:
                main.append(message)
                by_key[key(message)] = message
                continue
            if is_obsolete(message):
                continue
            # A current use: the message is current in DeployDesk, keeping the
            # translation it has there (lupdate marked it obsolete when it seemed gone).
            if is_obsolete(existing):
                t = existing.find("translation")
                if (t.text or "").strip() or list(t):
                    del t.attrib["type"]
                else:
                    t.set("type", "unfinished")
            for loc in message.findall("location"):
                existing.insert(1, loc)
        root.remove(context)
    write(tree, path)


def messages(path):
    root = ET.parse(path).getroot()
    out = {}
    for context in root.findall("context"):
        name = context.findtext("name")
        for m in context.findall("message"):
            out[(name,) + key(m)] = m
    return out


def compare(committed_path, fresh_path):
    committed = messages(committed_path)
    fresh = messages(fresh_path)
    problems = []
    for k, m in fresh.items():
        if is_obsolete(m):
            continue
        c = committed.get(k)
        if c is None or is_obsolete(c):
            problems.append("missing: [%s] %r" % (k[0], k[1]))
        elif is_unfinished(c):
            problems.append("unfinished: [%s] %r" % (k[0], k[1]))
    for p in problems:
        print(p)
    if problems:
        print("%s: %d string(s) to translate; run scripts/update-translations.sh and "
              "translate them" % (committed_path, len(problems)))
        return 1
    print("%s: all %d strings translated" % (committed_path,
                                            sum(1 for m in fresh.values() if not is_obsolete(m))))
    return 0


def stats(path):
    ms = messages(path).values()
    obsolete = sum(1 for m in ms if is_obsolete(m))
    unfinished = sum(1 for m in ms if not is_obsolete(m) and is_unfinished(m))
    print("%s: %d finished, %d unfinished, %d obsolete" %
          (path, len(ms) - obsolete - unfinished, unfinished, obsolete))


if __name__ == "__main__":
    if sys.argv[1] == "--compare":
        sys.exit(compare(sys.argv[2], sys.argv[3]))
    if sys.argv[1] == "--stats":
        stats(sys.argv[2])
        sys.exit(0)
    merge(sys.argv[1], sys.argv[2])
