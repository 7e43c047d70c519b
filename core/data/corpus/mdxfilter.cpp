#include "data/corpus/mdxfilter.h"

namespace DeployDesk::Internal {

namespace {

bool isBlank(QByteArrayView line)
{
    for (char c : line) {
        if (c != ' ' && c != '\t' && c != '\r')
            return false;
    }
    return true;
}

qsizetype indentOf(QByteArrayView line)
{
    qsizetype i = 0;
    while (i < line.size() && line[i] == ' ')
        ++i;
    return i;
}

// A fence opener: up to 3 spaces, then 3 or more ` or ~ (a backtick fence's info string
// has no backtick).
bool openingFence(QByteArrayView line, char &fenceChar, qsizetype &fenceLen)
{
    const qsizetype indent = indentOf(line);
    if (indent > 3 || indent >= line.size())
        return false;
    const char c = line[indent];
    if (c != '`' && c != '~')
        return false;
    qsizetype run = 0;
    while (indent + run < line.size() && line[indent + run] == c)
        ++run;
    if (run < 3)
        return false;
    if (c == '`' && line.sliced(indent + run).contains('`'))
        return false;
    fenceChar = c;
    fenceLen = run;
    return true;
}

bool closingFence(QByteArrayView line, char fenceChar, qsizetype fenceLen)
{
    const qsizetype indent = indentOf(line);
    if (indent > 3)
        return false;
    qsizetype run = 0;
    while (indent + run < line.size() && line[indent + run] == fenceChar)
        ++run;
    return run >= fenceLen && isBlank(line.sliced(indent + run));
}

bool isUpper(char c)
{
    return c >= 'A' && c <= 'Z';
}

bool jsxTagAt(QByteArrayView line, qsizetype i)
{
    if (i + 1 >= line.size() || line[i] != '<')
        return false;
    const char next = line[i + 1];
    if (isUpper(next) || next == '>')
        return true;
    return next == '/' && i + 2 < line.size() && (isUpper(line[i + 2]) || line[i + 2] == '>');
}

// ":::tip Title", ":::tip[Title]", ":::note{.class}" -> "Title"; ":::" -> "".
QByteArray admonitionTitle(QByteArrayView rest)
{
    qsizetype i = 0;
    while (i < rest.size() &&
           ((rest[i] >= 'a' && rest[i] <= 'z') || (rest[i] >= 'A' && rest[i] <= 'Z') ||
            rest[i] == '-' || rest[i] == '_'))
        ++i;
    QByteArrayView title = rest.sliced(i).trimmed();
    if (title.startsWith('[')) {
        const qsizetype close = title.lastIndexOf(']');
        title = title.sliced(1, (close > 0 ? close : title.size()) - 1);
    }
    if (title.startsWith('{'))
        return {};
    return title.trimmed().toByteArray();
}

} // namespace

QByteArray cleanMdx(QByteArrayView in, bool jsxAnywhere)
{
    enum class Mode { Normal, Fence, Esm, Tag, MdxComment, HtmlComment };
    QByteArray out;
    out.reserve(in.size());
    Mode mode = Mode::Normal;
    char fenceChar = 0;
    qsizetype fenceLen = 0;
    bool prevBlank = true;
    int braceDepth = 0;
    char quote = 0;

    qsizetype pos = 0;
    const qsizetype n = in.size();
    while (pos < n) {
        qsizetype eol = in.sliced(pos).indexOf('\n');
        eol = eol < 0 ? n : pos + eol;
        const QByteArrayView line = in.sliced(pos, eol - pos);
        const bool blank = isBlank(line);

        if (mode == Mode::Fence) {
            out.append(line);
            if (closingFence(line, fenceChar, fenceLen))
                mode = Mode::Normal;
        } else if (mode == Mode::Esm) {
            if (blank)
                mode = Mode::Normal;
        } else if (mode == Mode::Normal && openingFence(line, fenceChar, fenceLen)) {
            out.append(line);
            mode = Mode::Fence;
        } else if (mode == Mode::Normal && prevBlank &&
                   (line.startsWith("import ") || line.startsWith("import{") ||
                    line.startsWith("export "))) {
            mode = Mode::Esm;
        } else if (mode == Mode::Normal && indentOf(line) <= 3 &&
                   line.sliced(indentOf(line)).startsWith(":::")) {
            QByteArrayView rest = line.sliced(indentOf(line));
            while (rest.startsWith(':'))
                rest = rest.sliced(1);
            out.append(admonitionTitle(rest));
        } else {
            const qsizetype indent = indentOf(line);
            const bool tagLine = jsxAnywhere || mode == Mode::Tag || jsxTagAt(line, indent);
            for (qsizetype i = 0; i < line.size(); ++i) {
                const char c = line[i];
                switch (mode) {
                case Mode::Tag:
                    if (quote) {
                        if (c == quote)
                            quote = 0;
                    } else if (c == '"' || c == '\'') {
                        quote = c;
                    } else if (c == '{') {
                        ++braceDepth;
                    } else if (c == '}') {
                        braceDepth = braceDepth > 0 ? braceDepth - 1 : 0;
                    } else if (c == '>' && braceDepth == 0) {
                        mode = Mode::Normal;
                    }
                    continue;
                case Mode::MdxComment:
                    if (line.sliced(i).startsWith("*/}")) {
                        mode = Mode::Normal;
                        i += 2;
                    }
                    continue;
                case Mode::HtmlComment:
                    if (line.sliced(i).startsWith("-->")) {
                        mode = Mode::Normal;
                        i += 2;
                    }
                    continue;
                default:
                    break;
                }
                if (c == '`') {
                    qsizetype run = 1;
                    while (i + run < line.size() && line[i + run] == '`')
                        ++run;
                    // The matching run of exactly `run` backticks closes the code span.
                    qsizetype j = i + run;
                    qsizetype close = -1;
                    while (j < line.size()) {
                        if (line[j] != '`') {
                            ++j;
                            continue;
                        }
                        qsizetype r = 0;
                        while (j + r < line.size() && line[j + r] == '`')
                            ++r;
                        if (r == run) {
                            close = j + r;
                            break;
                        }
                        j += r;
                    }
                    const qsizetype end = close < 0 ? i + run : close;
                    out.append(line.sliced(i, end - i));
                    i = end - 1;
                } else if (c == '{' && line.sliced(i).startsWith("{/*")) {
                    mode = Mode::MdxComment;
                    i += 2;
                } else if (c == '<' && line.sliced(i).startsWith("<!--")) {
                    mode = Mode::HtmlComment;
                    i += 3;
                } else if (c == '<' && tagLine && jsxTagAt(line, i)) {
                    mode = Mode::Tag;
                    braceDepth = 0;
                    quote = 0;
                } else {
                    // Copy the run of ordinary characters up to the next one that matters.
                    qsizetype j = i + 1;
                    while (j < line.size() && line[j] != '`' && line[j] != '{' && line[j] != '<')
                        ++j;
                    out.append(line.sliced(i, j - i));
                    i = j - 1;
                }
            }
        }
        prevBlank = blank;
        if (eol < n)
            out.append('\n');
        pos = eol + 1;
    }
    return out;
}

} // namespace DeployDesk::Internal
