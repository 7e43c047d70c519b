#include "config/dotenv.h"

#include "config/messages.h"

#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace DeployDesk {

using Internal::msg;

namespace {

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\r';
}

bool isName(QStringView name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return re.match(name.toString()).hasMatch();
}

// A name as shown in a message: at most 60 characters.
QString shown(QStringView text)
{
    constexpr qsizetype maxShown = 60;
    return text.size() > maxShown ? text.left(maxShown).toString() + QStringLiteral("...")
                                  : text.toString();
}

// Byte offset of the first invalid UTF-8 sequence in `bytes`, or -1.
qsizetype firstInvalidUtf8(QByteArrayView bytes)
{
    const qsizetype n = bytes.size();
    for (qsizetype i = 0; i < n;) {
        const auto c = uchar(bytes[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        char32_t minimum = 0;
        if ((c & 0xE0) == 0xC0) {
            length = 2;
            minimum = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            minimum = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            minimum = 0x10000;
        } else {
            return i;
        }
        if (i + length > n)
            return i;
        char32_t code = c & (0x7F >> length);
        for (int k = 1; k < length; ++k) {
            const auto next = uchar(bytes[i + k]);
            if ((next & 0xC0) != 0x80)
                return i;
            code = (code << 6) | (next & 0x3F);
        }
        if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return i;
        i += length;
    }
    return -1;
}

class Parser final
{
public:
    Parser(const QString &text, DotEnv::Result &result)
        : m_text(text)
        , m_result(result)
    {}

    void run()
    {
        while (m_pos < m_text.size() && !m_full) {
            const qsizetype eol = endOfLine(m_pos);
            readLine(eol);
            nextLine();
        }
    }

private:
    qsizetype endOfLine(qsizetype from) const
    {
        const qsizetype eol = m_text.indexOf(u'\n', from);
        return eol < 0 ? m_text.size() : eol;
    }

    qsizetype skipBlanks(qsizetype from, qsizetype end) const
    {
        while (from < end && isBlank(m_text.at(from)))
            ++from;
        return from;
    }

    int column(qsizetype pos) const { return int(pos - m_lineStart) + 1; }

    // Moves to the start of the line after the one holding m_pos.
    void nextLine()
    {
        const qsizetype eol = endOfLine(m_pos);
        m_pos = eol + 1;
        m_lineStart = m_pos;
        ++m_line;
    }

    void problem(int line, int column, const QString &message)
    {
        if (m_result.problems.size() >= DotEnv::maxProblems) {
            m_result.problems.append(
                {line, column,
                 msg("more than %1 problems; the rest of the file was not read")
                     .arg(DotEnv::maxProblems)});
            m_full = true;
            return;
        }
        m_result.problems.append({line, column, message});
    }

    void readLine(qsizetype eol)
    {
        qsizetype i = skipBlanks(m_pos, eol);
        if (i == eol || m_text.at(i) == u'#')
            return;
        static const QString exportWord = QStringLiteral("export");
        if (QStringView(m_text).sliced(i).startsWith(exportWord) && i + exportWord.size() < eol &&
            isBlank(m_text.at(i + exportWord.size())))
            i = skipBlanks(i + exportWord.size(), eol);

        const qsizetype found = QStringView(m_text).sliced(i, eol - i).indexOf(u'=');
        const qsizetype equals = found < 0 ? -1 : i + found;
        if (equals < 0) {
            problem(m_line, column(i), msg("expected NAME=value; this line has no \"=\""));
            return;
        }
        qsizetype nameEnd = equals;
        while (nameEnd > i && isBlank(m_text.at(nameEnd - 1)))
            --nameEnd;
        const QStringView name = QStringView(m_text).sliced(i, nameEnd - i);
        if (name.isEmpty()) {
            problem(m_line, column(equals), msg("expected NAME=value; found no name before \"=\""));
            return;
        }
        if (!isName(name)) {
            problem(m_line, column(i),
                    msg("invalid variable name \"%1\"; a name starts with a letter or \"_\" "
                        "and contains only letters, digits and \"_\"")
                        .arg(shown(name)));
            return;
        }
        DotEnv::Variable variable{name.toString(), QString(), m_line, column(i)};
        const qsizetype start = skipBlanks(equals + 1, eol);
        std::optional<QString> value;
        if (start < eol && m_text.at(start) == u'\'')
            value = singleQuoted(start, eol, variable.name);
        else if (start < eol && m_text.at(start) == u'"')
            value = doubleQuoted(start, variable.name);
        else
            value = unquoted(start, eol, start > equals + 1);
        if (!value)
            return;
        variable.value = std::move(*value);
        m_result.variables.append(std::move(variable));
    }

    std::optional<QString> unquoted(qsizetype start, qsizetype eol, bool blankBefore) const
    {
        qsizetype end = start;
        bool blank = blankBefore;
        for (; end < eol; ++end) {
            const QChar c = m_text.at(end);
            if (c == u'#' && blank)
                break;
            blank = isBlank(c);
        }
        while (end > start && isBlank(m_text.at(end - 1)))
            --end;
        return m_text.sliced(start, end - start);
    }

    std::optional<QString> singleQuoted(qsizetype quote, qsizetype eol, const QString &name)
    {
        const qsizetype found =
            QStringView(m_text).sliced(quote + 1, eol - quote - 1).indexOf(u'\'');
        const qsizetype close = found < 0 ? -1 : quote + 1 + found;
        if (close < 0) {
            problem(m_line, column(quote),
                    msg("the single-quoted value of \"%1\" has no closing ' on this line (a "
                        "value that spans lines needs double quotes)")
                        .arg(name));
            return std::nullopt;
        }
        if (!restIsEmpty(close + 1, eol, name))
            return std::nullopt;
        return m_text.sliced(quote + 1, close - quote - 1);
    }

    // May cross lines: moves m_pos, m_line and m_lineStart to the line of the closing quote.
    std::optional<QString> doubleQuoted(qsizetype quote, const QString &name)
    {
        const int quoteLine = m_line;
        const int quoteColumn = column(quote);
        QString value;
        qsizetype i = quote + 1;
        for (; i < m_text.size(); ++i) {
            const QChar c = m_text.at(i);
            if (c == u'"')
                break;
            if (c == u'\\' && i + 1 < m_text.size()) {
                const QChar next = m_text.at(i + 1);
                if (next == u'n')
                    value += u'\n';
                else if (next == u'r')
                    value += u'\r';
                else if (next == u't')
                    value += u'\t';
                else if (next == u'"' || next == u'\\')
                    value += next;
                else if (next == u'\n') // kept as written; the line count goes on below
                    value += c;
                else
                    value += QStringView(m_text).sliced(i, 2);
                if (next != u'\n')
                    ++i;
                continue;
            }
            value += c;
            if (c == u'\n') {
                ++m_line;
                m_lineStart = i + 1;
            }
        }
        if (i >= m_text.size()) {
            problem(quoteLine, quoteColumn,
                    msg("the double-quoted value of \"%1\" has no closing \"; add it where the "
                        "value ends")
                        .arg(name));
            m_pos = m_text.size();
            return std::nullopt;
        }
        m_pos = i; // the closing quote's line is the current line now
        if (!restIsEmpty(i + 1, endOfLine(i), name))
            return std::nullopt;
        return value;
    }

    // After a closing quote only blanks and a comment may follow.
    bool restIsEmpty(qsizetype from, qsizetype eol, const QString &name)
    {
        const qsizetype rest = skipBlanks(from, eol);
        if (rest == eol || m_text.at(rest) == u'#')
            return true;
        problem(m_line, column(rest),
                msg("unexpected text after the closing quote of \"%1\"; put the whole value "
                    "inside the quotes, or start a comment with \"#\"")
                    .arg(name));
        return false;
    }

    const QString &m_text;
    DotEnv::Result &m_result;
    qsizetype m_pos = 0;
    qsizetype m_lineStart = 0;
    int m_line = 1;
    bool m_full = false;
};

} // namespace

QMap<QString, QString> DotEnv::Result::toMap() const
{
    QMap<QString, QString> map;
    for (const Variable &v : variables)
        map.insert(v.name, v.value);
    return map;
}

DotEnv::Result DotEnv::parse(const QByteArray &content)
{
    Result result;
    QByteArrayView bytes(content);
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes = bytes.sliced(3);

    // Invalid UTF-8: one problem per line that holds some, then read on (with U+FFFD).
    if (firstInvalidUtf8(bytes) >= 0) {
        qsizetype lineStart = 0;
        for (int line = 1; lineStart <= bytes.size(); ++line) {
            qsizetype eol = bytes.indexOf('\n', lineStart);
            if (eol < 0)
                eol = bytes.size();
            const QByteArrayView text = bytes.sliced(lineStart, eol - lineStart);
            const qsizetype bad = firstInvalidUtf8(text);
            if (bad >= 0) {
                const int column = int(QString::fromUtf8(text.first(bad)).size()) + 1;
                result.problems.append({line, column,
                                        msg("this line is not valid UTF-8; save "
                                            "the file as UTF-8")});
                if (result.problems.size() >= maxProblems)
                    return result;
            }
            lineStart = eol + 1;
        }
    }

    QString text = QString::fromUtf8(bytes);
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    Parser(text, result).run();
    std::stable_sort(result.problems.begin(), result.problems.end(),
                     [](const Problem &a, const Problem &b) {
                         return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                     });
    return result;
}

} // namespace DeployDesk
