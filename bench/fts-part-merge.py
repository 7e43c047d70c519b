#!/usr/bin/env python3
# fts-part-merge: how long FTS5's merge steps hold the lock when a whole log index of N
# blocks is pruned, for sizing an index kept in parts (docs/benchmarks.md §10, issue 11 §4).
#
# Builds one FTS5 table as the history's log index is built (trigram tokenizer, detail=none,
# contentless) from N blocks of 20 lines like prune-bench's ("log line number …"), committed
# 64 blocks at a time, then removes every block as HistoryPruner does: the 'delete' command
# with the block's text, 50 blocks per transaction, automatic merges off and a
# ('merge', 64) step after each transaction. Prints the worst and p99 of both kinds of
# transaction in CPU time of this process (so another job on the machine does not count).
#
# With --drop, instead: how long dropping such an index holds the lock, as one DROP TABLE
# against HistoryPruner's drop steps (store/logindexparts.cpp: rows of its shadow tables
# deleted 8 pages' rows / 256 size rows at a time until 10 ms are spent, then the emptied
# table dropped), each in CPU time of this process.
#
# Usage: bench/fts-part-merge.py [--drop] N [DIR]   (DIR: where the database goes, /tmp by default)
import os
import sqlite3
import sys
import tempfile
import time


def block(i):
    return "\n".join(
        f"log line number {i * 20 + j} of stage {i % 7} building target" for j in range(20)
    )


def drop_steps(db, budget=0.010):
    """HistoryPruner's drop steps; returns the CPU time of each transaction."""
    steps = []
    while True:
        t = time.process_time()
        db.execute("BEGIN IMMEDIATE")
        removed = False
        spent = False
        for table, keep, chunk in (("part_data", "WHERE rowid > 10", 8), ("part_docsize", "", 256)):
            while True:
                n = db.execute(f"DELETE FROM {table} WHERE rowid IN (SELECT rowid FROM {table} "
                               f"{keep} LIMIT {chunk})").rowcount
                removed = removed or n > 0
                if n < chunk:
                    break
                if time.process_time() - t >= budget:
                    spent = True
                    break
            if spent or (removed and time.process_time() - t >= budget):
                spent = True
                break
        if not removed:
            db.execute("DROP TABLE part")
        db.execute("COMMIT")
        steps.append(time.process_time() - t)
        if not removed:
            return steps


def main():
    args = sys.argv[1:]
    drop = "--drop" in args
    args = [a for a in args if a != "--drop"]
    n = int(args[0])
    folder = tempfile.mkdtemp(prefix="fts-part-", dir=args[1] if len(args) > 1 else None)
    db = sqlite3.connect(os.path.join(folder, "part.sqlite"), isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "auto_vacuum=INCREMENTAL"):
        db.execute("PRAGMA " + pragma)
    db.execute(
        "CREATE VIRTUAL TABLE part USING fts5(text, content='', tokenize='trigram', detail='none')"
    )
    started = time.process_time()
    for first in range(0, n, 64):
        db.execute("BEGIN")
        for i in range(first, min(n, first + 64)):
            db.execute("INSERT INTO part(rowid, text) VALUES (?, ?)", (i + 1, block(i)))
        db.execute("COMMIT")
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    print(f"{n} blocks indexed: {pages} pages, {time.process_time() - started:.1f} s CPU")

    if drop:
        # Both ways on the same index: a copy of the file for the single DROP TABLE.
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.execute(f"VACUUM INTO '{os.path.join(folder, 'copy.sqlite')}'")
        steps = sorted(x * 1000 for x in drop_steps(db))
        print(f"drop steps: {len(steps)}, worst {steps[-1]:.1f} ms, "
              f"p99 {steps[int(len(steps) * 0.99)]:.1f} ms, total {sum(steps):.0f} ms")
        copy = sqlite3.connect(os.path.join(folder, "copy.sqlite"), isolation_level=None)
        copy.execute("PRAGMA journal_mode=WAL")
        copy.execute("SELECT count(*) FROM part_data").fetchone()  # its pages read once
        t = time.process_time()
        copy.execute("BEGIN IMMEDIATE")
        copy.execute("DROP TABLE part")
        copy.execute("COMMIT")
        print(f"one DROP TABLE (peer): {(time.process_time() - t) * 1000:.1f} ms")
        copy.close()
        db.close()
        for name in os.listdir(folder):
            os.remove(os.path.join(folder, name))
        os.rmdir(folder)
        return

    db.execute("INSERT INTO part(part, rank) VALUES('automerge', 0)")
    deletes, merges = [], []
    for first in range(0, n, 50):
        t = time.process_time()
        db.execute("BEGIN IMMEDIATE")
        for i in range(first, min(n, first + 50)):
            db.execute("INSERT INTO part(part, rowid, text) VALUES('delete', ?, ?)", (i + 1, block(i)))
        db.execute("COMMIT")
        deletes.append(time.process_time() - t)
        t = time.process_time()
        db.execute("INSERT INTO part(part, rank) VALUES('merge', 64)")
        merges.append(time.process_time() - t)

    def figures(label, ms):
        ms = sorted(x * 1000 for x in ms)
        over = sum(1 for x in ms if x > 50)
        print(f"{label}: {len(ms)}, worst {ms[-1]:.1f} ms, p99 {ms[int(len(ms) * 0.99)]:.1f} ms, "
              f"over 50 ms {over}")

    figures("delete transactions", deletes)
    figures("merge steps", merges)
    db.close()
    for name in os.listdir(folder):
        os.remove(os.path.join(folder, name))
    os.rmdir(folder)


if __name__ == "__main__":
    main()
