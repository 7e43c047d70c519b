#include "data/index/qdrantoptions.h"

#include "common/translate.h"
#include "data/index/indextypes.h"
#include "net/platform.h"

namespace DeployDesk::Data {

Result<QdrantOptions> resolveQdrantOptions(QdrantOptions options, const QProcessEnvironment &env,
                                           const QString &stageName)
{
    if (auto ok = checkIndexName(options.name); !ok)
        return std::unexpected(ok.error());
    if (options.batchSize < QdrantOptions::kMinBatch ||
        options.batchSize > QdrantOptions::kMaxBatch)
        return makeError(ErrorCode::Invalid, tr("a Qdrant upsert batch holds %1 to %2 points; "
                                                "found %3")
                                                 .arg(QdrantOptions::kMinBatch)
                                                 .arg(QdrantOptions::kMaxBatch)
                                                 .arg(options.batchSize));
    if (options.parallel < 1 || options.parallel > 8)
        return makeError(
            ErrorCode::Invalid,
            tr("Qdrant upserts in flight must be from 1 to 8; found %1").arg(options.parallel));
    auto base = resolvePlatformBase(Platform::Qdrant, options.baseUrl, env);
    if (!base)
        return std::unexpected(base.error());
    options.baseUrl = base->url;
    if (!base->notice.isEmpty())
        options.notes.append(base->notice);
    if (!options.apiKeySecret.isEmpty() && options.apiKey.isEmpty()) {
        options.apiKey = env.value(options.apiKeySecret).trimmed().toUtf8();
        if (options.apiKey.isEmpty()) {
            const QString where =
                stageName.isEmpty() ? tr("the stage") : tr("stage \"%1\"").arg(stageName);
            return makeError(ErrorCode::NotFound,
                             tr("qdrant needs an API key in the secret %1, which %2 does not "
                                "have: set it with `deploydeskctl secrets set %1` and list it "
                                "under the stage's secrets: [%1] (a Qdrant without "
                                "authentication takes an empty key secret)")
                                 .arg(options.apiKeySecret, where));
        }
    }
    if (!options.apiKey.isEmpty())
        options.secrets.append(QString::fromUtf8(options.apiKey));
    return options;
}

} // namespace DeployDesk::Data
