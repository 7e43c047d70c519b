#include "data/reembed/goldenquestions.h"

#include "common/regularfile.h"
#include "common/translate.h"

#include <QFile>

namespace DeployDesk::Data {

Result<QList<GoldenQuestion>> GoldenQuestions::parse(const QString &text, const QString &file)
{
    QList<GoldenQuestion> questions;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype arrow = line.indexOf(QStringLiteral("=>"));
        const QString question = arrow < 0 ? QString() : line.left(arrow).trimmed();
        const QString expected = arrow < 0 ? QString() : line.mid(arrow + 2).trimmed();
        if (question.isEmpty() || expected.isEmpty()) {
            Error error = makeErrorValue(
                ErrorCode::Invalid,
                tr("a golden question is written \"question => expected page\" (a page URL "
                   "such as /docs/intro or a doc path such as intro.md); this line is \"%1\"")
                    .arg(line));
            const int column = int(lines.at(i).indexOf(line.at(0))) + 1;
            error.where = SourceLocation{file, i + 1, column};
            return std::unexpected(error);
        }
        questions.append({question, expected, i + 1});
    }
    return questions;
}

Result<QList<GoldenQuestion>> GoldenQuestions::load(const QString &path)
{
    constexpr qint64 maxSize = 4 * 1024 * 1024;
    const auto bytes = readRegularFile(path, maxSize);
    if (!bytes) {
        const bool missing = bytes.error().kind == FileProblem::Kind::Missing;
        return makeError(
            missing ? ErrorCode::NotFound
                    : (bytes.error().kind == FileProblem::Kind::Unreadable ? ErrorCode::Io
                                                                           : ErrorCode::Invalid),
            tr("cannot read the golden questions %1: %2").arg(path, bytes.error().reason));
    }
    return parse(QString::fromUtf8(*bytes), path);
}

namespace {
QString normalisedUrl(QString url)
{
    const qsizetype hash = url.indexOf(QLatin1Char('#'));
    if (hash >= 0)
        url.truncate(hash);
    while (url.size() > 1 && url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return url;
}
} // namespace

bool GoldenQuestions::matches(const QString &expected, const QString &hitUrl,
                              const QString &hitDocPath)
{
    if (!hitDocPath.isEmpty() && expected == hitDocPath)
        return true;
    return !hitUrl.isEmpty() && normalisedUrl(expected) == normalisedUrl(hitUrl);
}

} // namespace DeployDesk::Data
