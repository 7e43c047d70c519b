#pragma once

#include "data/corpus/chunk.h"
#include "data/corpus/markdownblocks.h"
#include "data/corpus/markdownchunker.h"

#include <QHash>
#include <QList>

namespace DeployDesk::Internal {

// Turns a doc's blocks into chunks: builds the heading tree, then packs it (see
// MarkdownChunker). One packer per doc.
class SectionPacker final
{
public:
    SectionPacker(const ChunkerOptions &options, QString docPath, QString pageUrl);

    // `rootTitle` heads the heading path of every chunk (the front matter title of a doc
    // without a "# " heading).
    QList<Chunk> pack(const QList<MdBlock> &blocks, const QString &rootTitle);

private:
    struct Section
    {
        int level = 0;
        QString anchor;
        QString keyAnchor; // unique in the doc
        QStringList path;
        QList<int> blocks; // own blocks, the heading first
        QList<int> children;
        qint64 subtreeUnits = 0;
    };
    struct Piece
    {
        QByteArray text;
        qint64 units = 0;
        bool prose = false;
        bool heading = false; // a heading line and nothing else
        int startLine = 0;
        int endLine = 0;
    };

    void buildTree(const QString &rootTitle);
    qint64 computeUnits(int section);
    void appendSubtreeText(int section, QByteArray &out) const;
    qint64 crumbUnits(int section, bool startsWithHeading) const;
    bool fits(int section) const;
    QList<Piece> piecesOf(int block, qint64 limit, qint64 firstLimit) const;
    void emitSection(int section);
    void add(int section, Piece piece, bool isHeading);
    void flush(bool keepOverlap);

    ChunkerOptions m_options;
    QString m_docPath;
    QString m_pageUrl;
    qint64 m_budget = 0;  // units
    qint64 m_overlap = 0; // units
    const QList<MdBlock> *m_blocks = nullptr;
    QList<QByteArray> m_blockText;
    QList<qint64> m_blockUnits;
    QList<Section> m_sections;

    // The chunk being filled.
    QList<Piece> m_pieces;
    qint64 m_units = 0;
    int m_start = -1;
    int m_lastSection = -1;
    bool m_startsWithHeading = false;
    qint64 m_crumb = 0;
    // Overlap carried into the next chunk of the same section.
    QByteArray m_seed;
    int m_seedSection = -1;

    QHash<int, int> m_parts;
    QList<Chunk> m_chunks;
};

} // namespace DeployDesk::Internal
