#include "run/stageinputs.h"

#include "common/globfiles.h"
#include "common/regularfile.h"
#include "common/translate.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

namespace DeployDesk {

namespace {

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
        const QStringList matched = filesMatchingGlob(QDir::cleanPath(root), pattern);
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
