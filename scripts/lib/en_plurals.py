#!/usr/bin/env python3
"""Fills the English plural forms of translations/deploydesk_en.ts (see
update-translations.sh): for each message with %n still unfinished, the singular and
plural of the word counted by %n ("%n file(s)" -> "%n file" / "%n files"). A "(s)"
after another placeholder ("of the %1 file(s)") belongs to that number and is left.

  en_plurals.py FILE.ts
"""
import re
import sys
import xml.etree.ElementTree as ET


def forms(source):
    """(singular, plural) of a source text with %n."""
    i = source.find("%n")
    tail = source[i:]
    # The counted word: the first "(s)" or "(es)" after %n with no other placeholder before it.
    m = re.search(r"y\(ies\)|\((e?s)\)", tail)
    if m and not re.search(r"%\d", tail[:m.start()]):
        start = i + m.start()
        end = i + m.end()
        if m.group(0) == "y(ies)":  # "copy(ies)"
            return source[:start] + "y" + source[end:], source[:start] + "ies" + source[end:]
        return source[:start] + source[end:], source[:start] + m.group(1) + source[end:]
    # "%n attempts", "and %n more errors": a plain plural word right after %n.
    m = re.match(r"%n( more)? (\w+?)s\b", tail)
    if m:
        word_end = i + m.end()
        return source[:word_end - 1] + source[word_end:], source
    return source, source


def main(path):
    tree = ET.parse(path)
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        t = message.find("translation")
        if t is None:
            t = ET.SubElement(message, "translation")
        if t.get("type") in ("obsolete", "vanished"):
            continue
        if t.get("type") != "unfinished" and list(t):
            continue
        one, many = forms(message.findtext("source") or "")
        for child in list(t):
            t.remove(child)
        t.attrib.pop("type", None)
        t.text = None
        for text in (one, many):
            form = ET.SubElement(t, "numerusform")
            form.text = text
    ET.indent(tree, space="    ")
    with open(path, "wb") as f:
        f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(f, encoding="utf-8", xml_declaration=False)
        f.write(b"\n")


if __name__ == "__main__":
    main(sys.argv[1])
