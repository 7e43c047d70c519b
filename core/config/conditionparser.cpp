#include "config/conditionparser.h"

namespace DeployDesk::Internal {

namespace {

class Scanner final
{
public:
    explicit Scanner(QStringView text)
        : m_text(text)
    {}

    void skipSpace()
    {
        while (m_pos < m_text.size() && m_text[m_pos].isSpace())
            ++m_pos;
    }
    bool atEnd()
    {
        skipSpace();
        return m_pos >= m_text.size();
    }
    bool accept(QStringView token)
    {
        skipSpace();
        if (!m_text.mid(m_pos).startsWith(token))
            return false;
        m_pos += token.size();
        return true;
    }
    // The word "in" must not be the start of a longer word ("include").
    bool acceptWord(QStringView word)
    {
        skipSpace();
        if (!m_text.mid(m_pos).startsWith(word))
            return false;
        const qsizetype end = m_pos + word.size();
        if (end < m_text.size() && isNameChar(m_text[end]))
            return false;
        m_pos = end;
        return true;
    }
    // A bare name, or one quoted with ' or ".
    std::optional<QString> name()
    {
        skipSpace();
        if (m_pos >= m_text.size())
            return std::nullopt;
        const QChar first = m_text[m_pos];
        if (first == u'\'' || first == u'"') {
            const qsizetype close = m_text.indexOf(first, m_pos + 1);
            if (close < 0)
                return std::nullopt;
            const QString value = m_text.mid(m_pos + 1, close - m_pos - 1).trimmed().toString();
            m_pos = close + 1;
            if (value.isEmpty())
                return std::nullopt;
            return value;
        }
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && isNameChar(m_text[m_pos]))
            ++m_pos;
        if (m_pos == start)
            return std::nullopt;
        return m_text.mid(start, m_pos - start).toString();
    }

private:
    static bool isNameChar(QChar c)
    {
        return c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.';
    }

    QStringView m_text;
    qsizetype m_pos = 0;
};

} // namespace

std::optional<StageCondition> parseCondition(const QString &text)
{
    Scanner s(text);
    if (!s.acceptWord(u"environment"))
        return std::nullopt;

    StageCondition condition;
    condition.text = text.trimmed();
    if (s.accept(u"==")) {
        condition.op = StageCondition::Op::Equals;
    } else if (s.accept(u"!=")) {
        condition.op = StageCondition::Op::NotEquals;
    } else if (s.acceptWord(u"in")) {
        condition.op = StageCondition::Op::In;
    } else {
        return std::nullopt;
    }

    if (condition.op != StageCondition::Op::In) {
        const auto value = s.name();
        if (!value)
            return std::nullopt;
        condition.values = {*value};
    } else {
        if (!s.accept(u"["))
            return std::nullopt;
        do {
            const auto value = s.name();
            if (!value)
                return std::nullopt;
            if (!condition.values.contains(*value))
                condition.values.append(*value);
        } while (s.accept(u","));
        if (!s.accept(u"]"))
            return std::nullopt;
    }
    if (!s.atEnd())
        return std::nullopt;
    return condition;
}

} // namespace DeployDesk::Internal
