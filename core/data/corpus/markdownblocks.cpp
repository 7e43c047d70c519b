#include "data/corpus/markdownblocks.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstring>
#include <memory>
#include <mutex>

namespace DeployDesk::Internal {

namespace {

cmark_syntax_extension *tableExtension()
{
    static std::once_flag once;
    static cmark_syntax_extension *table = nullptr;
    std::call_once(once, [] {
        cmark_gfm_core_extensions_ensure_registered();
        table = cmark_find_syntax_extension("table");
    });
    return table;
}

QString headingText(cmark_node *heading)
{
    QByteArray text;
    cmark_iter *it = cmark_iter_new(heading);
    cmark_event_type event;
    while ((event = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        if (event != CMARK_EVENT_ENTER)
            continue;
        cmark_node *node = cmark_iter_get_node(it);
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            text += cmark_node_get_literal(node);
            break;
        case CMARK_NODE_SOFTBREAK:
            text += '\n';
            break;
        default:
            break; // inline HTML and line breaks add nothing, as in Docusaurus
        }
    }
    cmark_iter_free(it);
    return QString::fromUtf8(text);
}

BlockKind kindOf(cmark_node *node)
{
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_HEADING:
        return BlockKind::Heading;
    case CMARK_NODE_PARAGRAPH:
        return BlockKind::Paragraph;
    case CMARK_NODE_CODE_BLOCK:
        return BlockKind::Code;
    case CMARK_NODE_LIST:
        return BlockKind::List;
    case CMARK_NODE_BLOCK_QUOTE:
        return BlockKind::Quote;
    default:
        break;
    }
    const char *type = cmark_node_get_type_string(node);
    if (type && std::strcmp(type, "table") == 0)
        return BlockKind::Table;
    return BlockKind::Other;
}

bool blankLine(QByteArrayView line)
{
    for (char c : line) {
        if (c != ' ' && c != '\t')
            return false;
    }
    return true;
}

} // namespace

QList<MdBlock> parseMarkdownBlocks(QByteArrayView text)
{
    QList<MdBlock> blocks;
    std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(
        cmark_parser_new(CMARK_OPT_DEFAULT), cmark_parser_free);
    if (cmark_syntax_extension *table = tableExtension())
        cmark_parser_attach_syntax_extension(parser.get(), table);
    cmark_parser_feed(parser.get(), text.data(), size_t(text.size()));
    std::unique_ptr<cmark_node, decltype(&cmark_node_free)> document(
        cmark_parser_finish(parser.get()), cmark_node_free);
    if (!document)
        return blocks;

    // Where each line starts.
    QList<qsizetype> lineStart{0};
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == '\n')
            lineStart.append(i + 1);
    }
    const int lineCount = int(lineStart.size());
    const auto lineView = [&](int line) { // 1-based, without its "\n"
        const qsizetype begin = lineStart[line - 1];
        const qsizetype end = line < lineCount ? lineStart[line] - 1 : text.size();
        return text.sliced(begin, end - begin);
    };

    for (cmark_node *node = cmark_node_first_child(document.get()); node;
         node = cmark_node_next(node)) {
        MdBlock block;
        block.kind = kindOf(node);
        block.startLine = qBound(1, cmark_node_get_start_line(node), lineCount);
        if (block.kind == BlockKind::Heading) {
            block.level = cmark_node_get_heading_level(node);
            block.heading = headingText(node);
        } else if (block.kind == BlockKind::Code) {
            int length = 0, offset = 0;
            char character = 0;
            block.fenced = cmark_node_get_fenced(node, &length, &offset, &character) != 0;
        }
        blocks.append(block);
    }
    // Each block runs to the line before the next one; trailing blank lines are dropped.
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        MdBlock &block = blocks[i];
        int last = i + 1 < blocks.size() ? blocks[i + 1].startLine - 1 : lineCount;
        while (last > block.startLine && blankLine(lineView(last)))
            --last;
        block.endLine = qMax(block.startLine, last);
        const qsizetype begin = lineStart[block.startLine - 1];
        const qsizetype end =
            block.endLine < lineCount ? lineStart[block.endLine] - 1 : text.size();
        block.source = text.sliced(begin, end - begin);
    }
    return blocks;
}

} // namespace DeployDesk::Internal
