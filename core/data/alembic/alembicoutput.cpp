#include "data/alembic/alembicoutput.h"

#include <QRegularExpression>

namespace DeployDesk::Alembic {

QStringList revisions(const QStringList &stdoutLines)
{
    // "b2c3", "b2c3 (head)", "b2c3 (mybranch) (effective head)"
    static const QRegularExpression re(QStringLiteral("^(\\w+)((\\s+\\([^)]*\\))*)\\s*$"));
    QStringList out;
    for (const QString &line : stdoutLines) {
        const auto m = re.match(line.trimmed());
        if (m.hasMatch())
            out << m.captured(1);
    }
    return out;
}

QStringList historyRevisions(const QStringList &stdoutLines)
{
    // "a1 -> b2 (head), msg", "<base> -> a1, init", "a1, b2 -> c3 (mergepoint), merge"
    static const QRegularExpression re(QStringLiteral("^.+?\\s->\\s(\\w+)\\b"));
    QStringList out;
    for (const QString &line : stdoutLines) {
        const auto m = re.match(line.trimmed());
        if (m.hasMatch())
            out << m.captured(1);
    }
    return out;
}

QString failureMessage(const QStringList &stdoutLines, const QStringList &stderrLines)
{
    for (const QStringList *lines : {&stdoutLines, &stderrLines}) {
        for (const QString &line : *lines) {
            if (line.startsWith(QLatin1String("FAILED: ")))
                return line.mid(8).trimmed();
        }
    }
    // A traceback ends with the exception line, possibly followed by indented detail
    // and SQLAlchemy's "(Background on this error at: ...)".
    for (qsizetype i = stderrLines.size() - 1; i >= 0; --i) {
        const QString &line = stderrLines.at(i);
        if (line.trimmed().isEmpty() || line.front().isSpace() ||
            line.startsWith(QLatin1String("(Background on this error")) || line.startsWith(u'[') ||
            line.startsWith(QLatin1String("INFO ")))
            continue;
        static const QRegularExpression exception(QStringLiteral("^[\\w.]+(: |$)"));
        return exception.match(line).hasMatch() ? line.trimmed() : QString();
    }
    return {};
}

QString missingModule(const QStringList &stderrLines)
{
    static const QLatin1String marker("DEPLOYDESK-ALEMBIC-MISSING: ");
    for (const QString &line : stderrLines) {
        if (line.startsWith(marker))
            return line.mid(marker.size()).trimmed();
    }
    return {};
}

} // namespace DeployDesk::Alembic
