#include "config/aliasbudget.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <unordered_map>
#include <vector>

namespace DeployDesk::Internal {

namespace {

constexpr std::int64_t nodeOverhead = 8;

struct Stop
{};

class SizeCounter final : public YAML::EventHandler
{
public:
    explicit SizeCounter(std::int64_t limit)
        : m_limit(limit)
    {}

    std::optional<AliasBudgetExceeded> exceeded;
    // Set when a document starts where the previous one did: yaml-cpp 0.7 reads the same
    // empty document forever after a token no document may start with (a leading ","),
    // which would count as growth. The loader reports that syntax error itself.
    bool stuck = false;

    void OnDocumentStart(const YAML::Mark &mark) override
    {
        if (m_documents > 0 && mark.pos == m_lastStart) {
            stuck = true;
            throw Stop();
        }
        ++m_documents;
        m_lastStart = mark.pos;
        m_anchors.clear();
        m_names.clear();
        m_open.clear();
    }
    void OnDocumentEnd() override {}

    void OnAnchor(const YAML::Mark &, const std::string &name) override { m_pendingName = name; }

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        leaf(mark, anchor, nodeOverhead);
    }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        const auto it = m_anchors.find(anchor);
        // An alias to an anchor still open (a node that contains itself) repeats nothing
        // that is not already counted.
        const std::int64_t size = it == m_anchors.end() ? nodeOverhead : it->second;
        add(mark, size, anchor);
    }
    void OnScalar(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        leaf(mark, anchor, nodeOverhead + std::int64_t(value.size()));
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        open(mark, anchor);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        open(mark, anchor);
    }
    void OnMapEnd() override { close(); }

private:
    struct Open
    {
        YAML::anchor_t anchor = 0;
        std::int64_t size = 0;
    };

    void name(YAML::anchor_t anchor)
    {
        if (anchor != 0 && !m_pendingName.empty())
            m_names[anchor] = std::move(m_pendingName);
        m_pendingName.clear();
    }

    // Adds `size` to the document and to the innermost open collection (which passes its
    // size on to its parent when it closes).
    void add(const YAML::Mark &mark, std::int64_t size, YAML::anchor_t repeated = 0)
    {
        m_total += size;
        if (!m_open.empty())
            m_open.back().size += size;
        if (m_total > m_limit) {
            const auto it = m_names.find(repeated);
            exceeded = AliasBudgetExceeded{
                mark, it == m_names.end() ? QString() : QString::fromStdString(it->second),
                m_limit};
            throw Stop{};
        }
    }

    void leaf(const YAML::Mark &mark, YAML::anchor_t anchor, std::int64_t size)
    {
        name(anchor);
        add(mark, size);
        if (anchor != 0)
            m_anchors[anchor] = size;
    }

    void open(const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        name(anchor);
        m_total += nodeOverhead;
        m_open.push_back({anchor, nodeOverhead});
        add(mark, 0);
    }

    void close()
    {
        if (m_open.empty())
            return;
        const Open done = m_open.back();
        m_open.pop_back();
        if (done.anchor != 0)
            m_anchors[done.anchor] = done.size;
        if (!m_open.empty())
            m_open.back().size += done.size;
    }

    std::int64_t m_limit = 0;
    std::int64_t m_total = 0;
    int m_documents = 0;
    int m_lastStart = -1;
    std::unordered_map<YAML::anchor_t, std::int64_t> m_anchors;
    std::unordered_map<YAML::anchor_t, std::string> m_names;
    std::string m_pendingName;
    std::vector<Open> m_open;
};

} // namespace

std::optional<AliasBudgetExceeded> checkExpandedSize(const std::string &yaml, std::int64_t limit)
{
    std::istringstream stream(yaml);
    YAML::Parser parser(stream);
    SizeCounter counter(limit);
    try {
        while (parser.HandleNextDocument(counter)) {
        }
    } catch (const Stop &) {
    }
    if (counter.stuck)
        return std::nullopt;
    return counter.exceeded;
}

} // namespace DeployDesk::Internal
