#include "common/globfiles.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRegularExpression>

namespace DeployDesk {

namespace {

bool hasWildcard(QStringView text)
{
    return text.contains(u'*') || text.contains(u'?') || text.contains(u'[');
}

// The glob as an anchored regular expression over "/"-separated relative paths.
QRegularExpression globExpression(const QString &pattern)
{
    QString re;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern[i];
        if (c == u'*') {
            if (i + 1 < pattern.size() && pattern[i + 1] == u'*') {
                const bool atStart = i == 0 || pattern[i - 1] == u'/';
                const bool slashAfter = i + 2 < pattern.size() && pattern[i + 2] == u'/';
                if (atStart && slashAfter) { // "**/": any folders, none included
                    re += QStringLiteral("(?:[^/]*/)*");
                    i += 2;
                } else { // "**" elsewhere: anything
                    re += QStringLiteral(".*");
                    ++i;
                }
            } else {
                re += QStringLiteral("[^/]*");
            }
        } else if (c == u'?') {
            re += QStringLiteral("[^/]");
        } else if (c == u'[') {
            const qsizetype close = pattern.indexOf(u']', i + 2);
            if (close < 0) {
                re += QStringLiteral("\\[");
                continue;
            }
            QString set = pattern.mid(i + 1, close - i - 1);
            if (set.startsWith(u'!'))
                set[0] = u'^';
            set.replace(QStringLiteral("\\"), QStringLiteral("\\\\"));
            re += u'[' + set + u']';
            i = close;
        } else {
            re += QRegularExpression::escape(QString(c));
        }
    }
    return QRegularExpression(QRegularExpression::anchoredPattern(re));
}

} // namespace

bool matchesGlob(const QString &pattern, const QString &path)
{
    return globExpression(pattern).match(path).hasMatch();
}

QStringList filesMatchingGlob(const QString &root, QString pattern)
{
    while (pattern.endsWith(u'/'))
        pattern.chop(1);
    QStringList found;
    const QStringList parts = pattern.split(u'/', Qt::SkipEmptyParts);
    // The folders before the first wildcard are walked, not matched.
    QStringList literal;
    for (const QString &part : parts) {
        if (hasWildcard(part))
            break;
        literal << part;
    }
    const QString base = literal.join(u'/');
    const QString baseDir = base.isEmpty() ? root : root + u'/' + base;
    const QFileInfo baseInfo(baseDir);
    if (literal.size() == parts.size()) { // no wildcard: a file, or every file below a folder
        if (!baseInfo.exists() && !baseInfo.isSymLink())
            return found;
        if (baseInfo.isSymLink() || !baseInfo.isDir())
            return {base};
    }
    if (!baseInfo.isDir() || baseInfo.isSymLink())
        return found;
    const bool everyFile = literal.size() == parts.size();
    const QRegularExpression re =
        everyFile ? QRegularExpression() : globExpression(parts.join(u'/'));
    QDirIterator it(baseDir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    const QDir rootDir(root);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        if (info.isDir() && !info.isSymLink())
            continue; // walked into (QDirIterator does not follow links to folders)
        const QString relative = rootDir.relativeFilePath(info.filePath());
        if (everyFile || re.match(relative).hasMatch())
            found << relative;
    }
    found.sort();
    return found;
}

} // namespace DeployDesk
