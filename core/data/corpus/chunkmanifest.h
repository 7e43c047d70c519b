#pragma once

#include "common/error.h"
#include "data/corpus/markdownchunker.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUuid>

#include <memory>

namespace DeployDesk {

// What a manifest keeps of a chunk: enough to tell what changed and to resume a re-embed
// (ids, content hashes, doc paths), not the text.
struct ManifestEntry
{
    QUuid id;
    QString key;
    QString docPath;
    int ordinal = 0;
    QByteArray sha256; // 32 bytes
    int tokens = 0;
    QString url;
    QString headingPath; // "Title > Section"

    static ManifestEntry from(const Chunk &chunk);
};

// The chunks of one index version. Stored as an SQLite file (see docs/corpus.md, "Manifest
// format"): a table `chunks` (id, key, doc_path, ordinal, sha256, tokens, url,
// heading_path) and a table `meta` (format, chunker fingerprint, saved_at), with
// PRAGMA user_version = 1.
class ChunkManifest final
{
public:
    QString fingerprint;          // MarkdownChunker::fingerprint() of the chunks
    QList<ManifestEntry> entries; // doc by doc, in order

    void add(const ChunkedDocument &doc);
    int size() const { return int(entries.size()); }

    // Reads a manifest file. A missing file is ErrorCode::NotFound; a file that is not a
    // manifest (or a newer format) is ErrorCode::Invalid.
    static Result<ChunkManifest> load(const QString &path);
    // The number of chunks a manifest file lists, without reading them (the same errors
    // as load()).
    static Result<int> count(const QString &path);
    // Writes the whole manifest to `path`, replacing it atomically (a new file renamed
    // over the old one): a crash leaves the old manifest or the new one, never a mix.
    Result<void> save(const QString &path) const;

    // For a re-embed that records its progress batch by batch: in one transaction, adds or
    // replaces `upserts` and deletes `removed` in the manifest file at `path` (created
    // with `fingerprint` when missing). After a crash the file holds exactly the batches
    // committed; diffing the docs against it gives what is left to do.
    static Result<void> commit(const QString &path, const QString &fingerprint,
                               const QList<ManifestEntry> &upserts, const QList<QUuid> &removed);

    // commit() batch after batch through one open connection: the schema is written once
    // and the file is switched to WAL (synchronous=NORMAL, as the history store), so a batch
    // costs one transaction instead of opening the file, checking the schema and two
    // fsyncs. The file is checkpointed and its -wal removed when the writer goes. Use it on
    // one thread; a failed open is retried by the next commit.
    class Writer final
    {
    public:
        Writer(QString path, QString fingerprint);
        ~Writer();
        Writer(const Writer &) = delete;
        Writer &operator=(const Writer &) = delete;

        Result<void> commit(const QList<ManifestEntry> &upserts, const QList<QUuid> &removed);
        const QString &path() const { return m_path; }
        class Connection; // defined in chunkmanifest.cpp

    private:
        QString m_path;
        QString m_fingerprint;
        std::unique_ptr<Connection> m_connection;
    };
    // Removes a manifest file and its WAL files.
    static void remove(const QString &path);
};

} // namespace DeployDesk
