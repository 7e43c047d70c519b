#include "data/corpus/markdownblocks.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <vector>

namespace DeployDesk::Internal {

namespace {

// cmark-gfm allocates every node, every line buffer and every inline separately; with the
// C allocator that was a third of the chunker's time. Each parse takes its memory from a
// bump arena of its thread instead, released whole when the parse is done (cmark's own
// free calls do nothing). cmark_mem has no context pointer, hence the thread_local.
class ParseArena
{
public:
    ~ParseArena()
    {
        for (const Block &block : m_blocks)
            std::free(block.data);
    }

    void *allocate(size_t size)
    {
        const size_t need = kHeader + align(size);
        if (need > m_left)
            grow(need);
        char *p = m_next;
        m_next += need;
        m_left -= need;
        *reinterpret_cast<size_t *>(p) = size;
        m_last = p + kHeader;
        return m_last;
    }
    void *reallocate(void *ptr, size_t size)
    {
        if (!ptr)
            return allocate(size);
        char *p = static_cast<char *>(ptr);
        size_t &old = *reinterpret_cast<size_t *>(p - kHeader);
        if (size <= old)
            return ptr;
        // The newest allocation grows in place when its block has room.
        if (p == m_last && align(size) - align(old) <= m_left) {
            m_left -= align(size) - align(old);
            m_next += align(size) - align(old);
            old = size;
            return ptr;
        }
        void *moved = allocate(size);
        std::memcpy(moved, ptr, old);
        return moved;
    }
    // Keeps the first block for the next parse; frees the rest.
    void reset()
    {
        for (size_t i = 1; i < m_blocks.size(); ++i)
            std::free(m_blocks[i].data);
        if (m_blocks.size() > 1)
            m_blocks.erase(m_blocks.begin() + 1, m_blocks.end());
        if (!m_blocks.empty() && m_blocks.front().size > kBlock) { // a huge doc's: let it go
            std::free(m_blocks.front().data);
            m_blocks.clear();
        }
        m_next = m_blocks.empty() ? nullptr : m_blocks.front().data;
        m_left = m_blocks.empty() ? 0 : m_blocks.front().size;
        m_last = nullptr;
    }

private:
    static constexpr size_t kHeader = 16;
    static constexpr size_t kBlock = 256 * 1024;
    static size_t align(size_t size) { return (size + 15) & ~size_t(15); }
    void grow(size_t need)
    {
        const size_t size = std::max(kBlock, need);
        char *block = static_cast<char *>(std::malloc(size));
        if (!block)
            throw std::bad_alloc();
        m_blocks.push_back({block, size});
        m_next = block;
        m_left = size;
    }

    struct Block
    {
        char *data;
        size_t size;
    };
    std::vector<Block> m_blocks;
    char *m_next = nullptr;
    size_t m_left = 0;
    char *m_last = nullptr;
};

thread_local ParseArena t_arena;

void *arenaCalloc(size_t count, size_t size)
{
    void *p = t_arena.allocate(count * size);
    std::memset(p, 0, count * size);
    return p;
}

void *arenaRealloc(void *ptr, size_t size)
{
    return t_arena.reallocate(ptr, size);
}

void arenaFree(void *)
{}

cmark_mem g_arenaMem{arenaCalloc, arenaRealloc, arenaFree};

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
    cmark_syntax_extension *table = tableExtension();
    struct ArenaReset
    {
        ~ArenaReset() { t_arena.reset(); }
    } arenaReset; // runs after the parser and the document are freed (declared before them)
    std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(
        cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, &g_arenaMem), cmark_parser_free);
    if (table)
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
