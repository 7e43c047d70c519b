#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace DeployDesk::Internal {

enum class BlockKind { Heading, Paragraph, Code, Table, List, Quote, Other };

// A top-level block of a Markdown document, as cmark-gfm parsed it.
struct MdBlock
{
    BlockKind kind = BlockKind::Other;
    int startLine = 0; // 1-based
    int endLine = 0;
    // The block's source lines (up to the next block, trailing blank lines dropped).
    QByteArrayView source;
    int level = 0;       // headings: 1..6
    QString heading;     // headings: the text as Docusaurus reads it (inline markup gone,
                         // "{#id}" still there)
    bool fenced = false; // code: a fenced block (``` or ~~~)
};

// Parses `text` (UTF-8, "\n" line ends) with cmark-gfm and its table extension. The views
// point into `text`.
QList<MdBlock> parseMarkdownBlocks(QByteArrayView text);

} // namespace DeployDesk::Internal
