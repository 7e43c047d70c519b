#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace DeployDesk {

// One piece of a doc, as it is embedded and stored as a point of the vector index.
//
// Identity: `key` is "<docPath>#<section anchor>/<part>" — the doc, the heading the chunk
// starts under (its anchor; "" before the first heading) and the chunk's number among the
// chunks that start under that heading. It does not depend on the content, so an edited
// chunk keeps its key and id (and shows as "changed"), and sections before it can grow or
// shrink without renaming it. `id` is the UUIDv5 of the key (see pointId()): the same chunk
// always has the same id, a UUID string every Qdrant collection accepts as a point id.
struct Chunk
{
    QString docPath;         // relative to the docs folder, "/"-separated: "guides/01-intro.md"
    QStringList headingPath; // the doc's title, then the headings down to the chunk's section
    QString anchor;          // the section's heading anchor, "" for the doc's top
    QString url;             // the page URL with "#anchor" for sections below the title
    int ordinal = 0;         // 0-based position among the doc's chunks
    int part = 0;            // 0-based position among the chunks of its section
    int startLine = 0;       // 1-based lines of the file the chunk comes from
    int endLine = 0;
    // What is embedded: when the chunk does not begin with its own heading line, a line
    // with its heading path ("Title > Section > Subsection") and a blank line come first;
    // then the Markdown of its blocks (headings as "## Text", code fences, pipe tables),
    // with MDX imports, JSX tags and comments removed.
    QString text;
    QByteArray sha256; // SHA-256 of text in UTF-8, 32 bytes
    int tokens = 0;    // estimated tokens of text (TokenEstimate)
    QString key;
    QUuid id;

    QString sha256Hex() const { return QString::fromLatin1(sha256.toHex()); }
    // The point id as Qdrant takes it: "6f1e…-…" (lowercase, hyphenated, no braces).
    QString idString() const { return id.toString(QUuid::WithoutBraces); }
};

// The namespace of DeployDesk's chunk ids (a fixed random UUID; never change it, or every
// point id changes).
inline QUuid chunkIdNamespace()
{
    return QUuid(QStringLiteral("0be8558b-c225-438f-8a28-15023f963a89"));
}

// RFC 4122 name-based id (version 5, SHA-1) of a chunk key in chunkIdNamespace(): what
// QUuid::createUuidV5(chunkIdNamespace(), key.toUtf8()) gives (tst_chunkgolden pins the
// ids), with the namespace parsed once and SHA-1 from OpenSSL (data/corpus/sha256.h).
QUuid pointId(const QString &key);

} // namespace DeployDesk
