#include "integrations/github/githubfiles.h"

#include "common/bytesize.h"
#include "common/translate.h"

#include <QDir>
#include <QStringDecoder>

#include <algorithm>

namespace DeployDesk {

// As actions/runner's FileCommandManager.cs: EnvFileKeyValuePairs for GITHUB_ENV,
// GITHUB_OUTPUT and GITHUB_STATE (its ReadLine ends lines at "\n", and at "\r\n" on
// Windows, which is what we do everywhere), AddPathFileCommand for GITHUB_PATH, and
// Handler.AddPrependPathToEnvironment with PathUtil.PrependPath for the PATH order.

namespace {

// The runner's StreamReader honours a byte order mark (Windows PowerShell 5 writes UTF-16
// with one); without one the text is UTF-8, bad bytes becoming U+FFFD.
QString decode(QByteArrayView content)
{
    if (content.startsWith("\xEF\xBB\xBF"))
        return QString::fromUtf8(content.sliced(3));
    QStringConverter::Encoding encoding = QStringConverter::Utf8;
    if (content.startsWith("\xFF\xFE"))
        encoding = QStringConverter::Utf16LE;
    else if (content.startsWith("\xFE\xFF"))
        encoding = QStringConverter::Utf16BE;
    else
        return QString::fromUtf8(content);
    QStringDecoder decoder(encoding, QStringConverter::Flag::Default);
    return decoder.decode(content.sliced(2));
}

class LineReader
{
public:
    explicit LineReader(QStringView text)
        : m_text(text)
    {}

    // The next line without its terminator; nullopt at the end of the text.
    std::optional<QStringView> next()
    {
        if (m_index >= m_text.size())
            return std::nullopt;
        ++m_number;
        const qsizetype lf = m_text.indexOf(u'\n', m_index);
        if (lf < 0) {
            const QStringView line = m_text.sliced(m_index);
            m_index = m_text.size();
            m_terminator = 0;
            return line;
        }
        qsizetype end = lf;
        m_terminator = 1;
        if (end > m_index && m_text[end - 1] == u'\r') {
            --end;
            m_terminator = 2;
        }
        const QStringView line = m_text.sliced(m_index, end - m_index);
        m_index = lf + 1;
        return line;
    }

    int number() const { return m_number; }               // 1-based, of the line last read
    qsizetype position() const { return m_index; }        // after the line last read
    qsizetype terminator() const { return m_terminator; } // its length: 0 (none), 1, 2

private:
    QStringView m_text;
    qsizetype m_index = 0;
    int m_number = 0;
    qsizetype m_terminator = 0;
};

std::unexpected<Error> invalid(const QString &what, int line, const QString &problem)
{
    return makeError(ErrorCode::Invalid,
                     tr("%1, line %2: %3").arg(what, QString::number(line), problem));
}

struct LastEntry
{
    QString name;
    int line = 0;
    QString delimiter; // empty for NAME=value
    int endLine = 0;   // the delimiter's line
};

QString neitherFormProblem(QStringView line, const std::optional<LastEntry> &last)
{
    if (line.trimmed().isEmpty())
        return tr("the line holds only spaces, and GitHub reads it as an entry with neither "
                  "\"=\" nor \"<<\". Remove it (only empty lines are skipped).");
    QString problem = tr("expected NAME=value or NAME<<DELIMITER, found a line with neither "
                         "\"=\" nor \"<<\".");
    if (last && !last->delimiter.isEmpty())
        return problem + u' ' +
               tr("The value of %1 (the heredoc from line %2) ended at line %3, a line that is "
                  "exactly its delimiter \"%4\"; if the value goes on after it, choose a "
                  "delimiter that cannot occur in the value, such as one made with $(uuidgen).")
                   .arg(last->name, QString::number(last->line), QString::number(last->endLine),
                        last->delimiter);
    if (last)
        return problem + u' ' +
               tr("If it continues the value of %1 from line %2, write a value of several lines "
                  "as a heredoc: %1<<EOF, then the lines, then EOF alone on a line (with a "
                  "delimiter that cannot occur in the value).")
                   .arg(last->name, QString::number(last->line));
    return problem + u' ' +
           tr("Write NAME=value, or NAME<<DELIMITER for a value of several lines.");
}

QString missingDelimiterProblem(QStringView text, int fromLine, const QString &name,
                                const QString &delimiter)
{
    QString problem = tr("the value of %1 is a heredoc ending at a line that is exactly \"%2\", "
                         "but no later line is.")
                          .arg(name, delimiter);
    const QString trimmedDelimiter = delimiter.trimmed();
    if (trimmedDelimiter != delimiter && !trimmedDelimiter.isEmpty())
        return problem + u' ' +
               tr("The delimiter is everything after \"<<\", spaces included: write %1<<%2.")
                   .arg(name.trimmed(), trimmedDelimiter);
    LineReader reader(text);
    while (const auto line = reader.next()) {
        if (reader.number() > fromLine && line->trimmed() == delimiter)
            return problem + u' ' +
                   tr("Line %1 has spaces around it: the delimiter line must hold nothing else.")
                       .arg(reader.number());
    }
    return problem + u' ' +
           tr("End the value with a line that is exactly \"%1\", with a line break before it.")
               .arg(delimiter);
}

} // namespace

Result<void> checkGitHubFileSize(qint64 bytes, const QString &what)
{
    if (bytes <= kMaxGitHubFileBytes)
        return {};
    return makeError(ErrorCode::Invalid,
                     tr("%1 is %2, and DeployDesk reads at most %3 of it (GitHub's limit for all "
                        "the outputs of a run together). Write large data to a file and pass its "
                        "path instead.")
                         .arg(what, formatBytes(bytes), formatBytes(kMaxGitHubFileBytes)));
}

Result<QList<GitHubFileEntry>> parseGitHubFile(QByteArrayView content, const QString &what)
{
    if (auto size = checkGitHubFileSize(content.size(), what); !size)
        return std::unexpected(size.error());
    const QString decoded = decode(content);
    const QStringView text(decoded);
    LineReader reader(text);
    QList<GitHubFileEntry> entries;
    std::optional<LastEntry> last;

    while (const auto line = reader.next()) {
        if (line->isEmpty())
            continue;
        const int number = reader.number();
        const qsizetype equals = line->indexOf(u'=');
        const qsizetype heredoc = line->indexOf(u"<<");

        if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
            if (equals == 0)
                return invalid(what, number,
                               tr("the line starts with \"=\", so the value has no name. Write "
                                  "NAME=value."));
            GitHubFileEntry entry{line->first(equals).toString(),
                                  line->sliced(equals + 1).toString(), number};
            last = LastEntry{entry.name, number, {}, 0};
            entries.append(std::move(entry));
            continue;
        }
        if (heredoc < 0)
            return invalid(what, number, neitherFormProblem(*line, last));

        const QString name = line->first(heredoc).toString();
        const QString delimiter = line->sliced(heredoc + 2).toString();
        if (name.isEmpty())
            return invalid(what, number,
                           tr("the line starts with \"<<\", so the value has no name. Write "
                              "NAME<<DELIMITER."));
        if (delimiter.isEmpty())
            return invalid(what, number,
                           tr("%1<< gives no delimiter. Write %1<<DELIMITER, then the value's "
                              "lines, then DELIMITER alone on a line.")
                               .arg(name));
        const qsizetype start = reader.position();
        qsizetype end = start;
        for (;;) {
            const auto valueLine = reader.next();
            if (valueLine && *valueLine == delimiter)
                break;
            // The runner also refuses a last line without a line break that is not the
            // delimiter ("EOF marker missing new line"): the delimiter can no longer come.
            if (!valueLine || reader.terminator() == 0)
                return invalid(what, number,
                               missingDelimiterProblem(text, number, name, delimiter));
            end = reader.position() - reader.terminator();
        }
        entries.append({name, text.sliced(start, end - start).toString(), number});
        last = LastEntry{name, number, delimiter, reader.number()};
    }
    return entries;
}

QStringList parseGitHubPath(QByteArrayView content)
{
    const QString decoded = decode(content);
    LineReader reader(decoded);
    QStringList directories;
    while (const auto line = reader.next()) {
        if (!line->isEmpty())
            directories.append(line->toString());
    }
    return directories;
}

QString prependToPath(const QString &path, const QStringList &added)
{
    // The runner keeps a list: each directory is removed from it, then appended; PATH gets
    // the list reversed.
    QStringList order;
    for (const QString &directory : added) {
        order.removeAll(directory);
        order.append(directory);
    }
    if (order.isEmpty())
        return path;
    std::reverse(order.begin(), order.end());
    const QString prepend = order.join(QDir::listSeparator());
    if (path.isEmpty())
        return prepend; // no trailing separator: it would put the working directory on PATH
#ifdef Q_OS_WIN
    const Qt::CaseSensitivity cs = Qt::CaseInsensitive;
#else
    const Qt::CaseSensitivity cs = Qt::CaseSensitive;
#endif
    if (path.startsWith(prepend + QDir::listSeparator(), cs))
        return path;
    return prepend + QDir::listSeparator() + path;
}

std::optional<QString> refusedEnvName(const QString &name)
{
    if (name.compare(u"NODE_OPTIONS", Qt::CaseInsensitive) == 0)
        return tr("GitHub refuses to set NODE_OPTIONS from GITHUB_ENV (\"Can't store "
                  "NODE_OPTIONS output parameter using '$GITHUB_ENV' command.\", since runner "
                  "2.309.0): through it one step could make every later Node.js action load "
                  "code of its choice. Set it in the workflow's or the step's env: instead.");
    return std::nullopt;
}

} // namespace DeployDesk
