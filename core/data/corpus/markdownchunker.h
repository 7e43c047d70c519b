#pragma once

#include "common/error.h"
#include "data/corpus/chunk.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace DeployDesk {

struct ChunkerOptions
{
    int maxTokens = 400;   // budget per chunk, heading path line included
    int overlapTokens = 0; // text repeated from the end of the previous chunk when
                           // a section's prose is split (0: none)
    QString routeBase = QStringLiteral("/docs"); // the docs plugin's routeBasePath
};

// A doc and its chunks.
struct ChunkedDocument
{
    QString docPath; // relative to the docs folder
    QString title;   // front matter title, else the first "# " heading, else the doc id
    QString docId;   // Docusaurus doc id
    QString url;     // the page URL ("/docs/guides/intro")
    std::optional<double> sidebarPosition; // front matter sidebar_position, else the number prefix
    bool draft = false;                    // front matter `draft: true`: not published, no chunks
    qint64 bytes = 0;                      // size of the file
    QList<Chunk> chunks;
    QList<Error> warnings; // problems that did not stop the doc (bad front matter)
};

// Splits Markdown/MDX docs into chunks along their heading hierarchy (see docs/corpus.md):
// a section whose whole subtree fits the budget is one chunk (small sibling sections are
// packed together); a bigger one gives its own blocks and then each child in turn. Blocks
// are never cut while they fit; a block that does not fit is split on line boundaries
// (code fences are closed and reopened, table parts repeat the header row), and a line
// that does not fit on sentence, then word, then character boundaries.
//
// The parser is cmark-gfm (CommonMark with GitHub tables). Stateless and thread-safe: one
// chunker may serve several threads.
class MarkdownChunker final
{
public:
    explicit MarkdownChunker(ChunkerOptions options = {});

    // The chunks of one doc. `docPath` (relative, "/"-separated) names it in the chunks
    // and their ids; problems are reported against `displayPath` (docPath when empty).
    // Fails (ErrorCode::Invalid, at file:line:column) when the bytes are not UTF-8.
    Result<ChunkedDocument> chunk(QByteArrayView bytes, const QString &docPath,
                                  const QString &displayPath = {}) const;
    // Reads `root`/`docPath`; an unreadable file is an ErrorCode::Io naming it.
    Result<ChunkedDocument> chunkFile(const QString &root, const QString &docPath) const;

    const ChunkerOptions &options() const { return m_options; }
    // Identifies the chunking rules and options: chunks made under different fingerprints
    // are not comparable (a manifest diff then treats every chunk as changed).
    QString fingerprint() const;

private:
    ChunkerOptions m_options;
};

} // namespace DeployDesk
