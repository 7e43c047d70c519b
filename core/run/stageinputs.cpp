#include "run/stageinputs.h"

#include "common/regularfile.h"
#include "common/translate.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
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

// The files (relative to `root`) one pattern takes, sorted; links and special files too.
QStringList filesOf(const QString &root, QString pattern)
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

void addField(QCryptographicHash &hash, QStringView name, const QString &value)
{
    const QByteArray bytes = value.toUtf8();
    hash.addData(name.toUtf8());
    hash.addData(QByteArrayView("\0", 1));
    hash.addData(QByteArray::number(bytes.size()));
    hash.addData(QByteArrayView("\0", 1));
    hash.addData(bytes);
}

} // namespace

bool matchesInputPattern(const QString &pattern, const QString &path)
{
    return globExpression(pattern).match(path).hasMatch();
}

Result<StageInputs> hashStageInputs(const Pipeline &pipeline, const Stage &stage,
                                    const QString &environment)
{
    StageInputs result;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    addField(hash, u"format", QStringLiteral("1"));
    addField(hash, u"run", stage.run);
    addField(hash, u"uses", stage.uses);
    addField(
        hash, u"with",
        QString::fromUtf8(
            QJsonDocument(QJsonObject::fromVariantMap(stage.with)).toJson(QJsonDocument::Compact)));
    addField(hash, u"workdir", stage.workdir);
    // The environment the stage is given, in the order it is layered.
    QMap<QString, QString> env = pipeline.env;
    if (const Environment *e = pipeline.environment(environment))
        env.insert(e->variables);
    env.insert(stage.env);
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        addField(hash, u"env", it.key() + u'=' + it.value());
    for (const QString &secret : stage.secrets)
        addField(hash, u"secret", secret);

    const QString root = QDir(pipeline.workspaceDir).filePath(stage.workdir);
    QMap<QString, bool> files; // sorted, once each
    for (const QString &pattern : stage.inputs) {
        addField(hash, u"pattern", pattern);
        const QStringList matched = filesOf(QDir::cleanPath(root), pattern);
        if (matched.isEmpty())
            result.unmatched << pattern;
        for (const QString &file : matched)
            files.insert(file, true);
    }
    QByteArray buffer(1 << 16, Qt::Uninitialized);
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QString path = root + u'/' + it.key();
        const QFileInfo info(path);
        addField(hash, u"file", it.key());
        if (info.isSymLink()) {
            addField(hash, u"link", info.symLinkTarget());
            continue;
        }
        QFile file;
        if (auto opened = openRegularFile(file, path); !opened) {
            if (opened.error().kind == FileProblem::Kind::NotRegular) {
                addField(hash, u"special", opened.error().fileKind);
                continue;
            }
            return makeError(ErrorCode::Io, tr("cannot read input %1 of stage \"%2\": %3")
                                                .arg(path, stage.name, opened.error().reason));
        }
        QCryptographicHash content(QCryptographicHash::Sha256);
        for (;;) {
            const qint64 n = file.read(buffer.data(), buffer.size());
            if (n < 0)
                return makeError(ErrorCode::Io, tr("cannot read input %1 of stage \"%2\": %3")
                                                    .arg(path, stage.name, file.errorString()));
            if (n == 0)
                break;
            content.addData(QByteArrayView(buffer.constData(), n));
            result.bytes += n;
        }
        addField(hash, u"content", QString::fromLatin1(content.result().toHex()));
        ++result.files;
    }
    result.hash = QString::fromLatin1(hash.result().toHex());
    return result;
}

} // namespace DeployDesk
