#include "data/embed/cohereoptions.h"

#include "common/translate.h"
#include "net/platform.h"

#include <QRegularExpression>

namespace DeployDesk::Data {

RetryPolicy CohereOptions::defaultRetry()
{
    RetryPolicy policy;
    policy.maxAttempts = 6;
    policy.baseDelay = std::chrono::milliseconds(1000);
    policy.maxDelay = std::chrono::milliseconds(30000);
    policy.rateLimitFloor = std::chrono::milliseconds(2000);
    return policy;
}

std::optional<int> cohereModelDimension(const QString &model)
{
    if (model == QLatin1String("embed-v4.0"))
        return 1536;
    if (model == QLatin1String("embed-english-v3.0") ||
        model == QLatin1String("embed-multilingual-v3.0"))
        return 1024;
    if (model == QLatin1String("embed-english-light-v3.0") ||
        model == QLatin1String("embed-multilingual-light-v3.0"))
        return 384;
    return std::nullopt;
}

Result<CohereOptions> resolveCohereOptions(CohereOptions options, const QProcessEnvironment &env,
                                           const QString &stageName)
{
    options.model = options.model.trimmed();
    if (options.model.isEmpty())
        return makeError(ErrorCode::Invalid,
                         tr("cohere needs a model, such as embed-english-v3.0 or embed-v4.0"));

    const std::optional<int> known = cohereModelDimension(options.model);
    if (options.dimension == 0) {
        if (!known)
            return makeError(
                ErrorCode::Invalid,
                tr("the dimension of Cohere model \"%1\" is not known to DeployDesk; give it "
                   "(\"dimension\"), or use embed-v4.0, embed-english-v3.0, "
                   "embed-multilingual-v3.0 or their -light- versions")
                    .arg(options.model));
        options.dimension = *known;
    } else if (options.model == QLatin1String("embed-v4.0")) {
        if (options.dimension != 256 && options.dimension != 512 && options.dimension != 1024 &&
            options.dimension != 1536)
            return makeError(ErrorCode::Invalid,
                             tr("embed-v4.0 gives 256, 512, 1024 or 1536 dimensions; found %1")
                                 .arg(options.dimension));
    } else if (known && *known != options.dimension) {
        return makeError(ErrorCode::Invalid,
                         tr("Cohere model \"%1\" gives %2 dimensions, not %3; drop \"dimension\" "
                            "or choose embed-v4.0")
                             .arg(options.model)
                             .arg(*known)
                             .arg(options.dimension));
    }

    if (options.batchSize < 1 || options.batchSize > CohereOptions::kMaxBatch)
        return makeError(ErrorCode::Invalid, tr("a Cohere batch holds 1 to %1 texts; found %2")
                                                 .arg(CohereOptions::kMaxBatch)
                                                 .arg(options.batchSize));
    if (options.maxInFlight < 1 || options.maxInFlight > 16)
        return makeError(
            ErrorCode::Invalid,
            tr("calls in flight must be from 1 to 16; found %1").arg(options.maxInFlight));
    if (options.inputsPerMinute < 0)
        return makeError(ErrorCode::Invalid,
                         tr("the inputs-per-minute budget must be 0 (none) or more; found %1")
                             .arg(options.inputsPerMinute));
    const QString truncate = options.truncate.trimmed().toUpper();
    if (truncate != QLatin1String("NONE") && truncate != QLatin1String("START") &&
        truncate != QLatin1String("END"))
        return makeError(
            ErrorCode::Invalid,
            tr("truncate must be NONE, START or END; found \"%1\"").arg(options.truncate));
    options.truncate = truncate;

    static const QRegularExpression secretName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (!secretName.match(options.apiKeySecret).hasMatch())
        return makeError(ErrorCode::Invalid,
                         tr("the Cohere key's secret must be a secret's name (letters, digits "
                            "and _), such as COHERE_API_KEY; found \"%1\"")
                             .arg(options.apiKeySecret));
    if (options.apiKey.isEmpty())
        options.apiKey = env.value(options.apiKeySecret).trimmed().toUtf8();
    if (options.apiKey.isEmpty()) {
        const QString where =
            stageName.isEmpty() ? tr("the stage") : tr("stage \"%1\"").arg(stageName);
        return makeError(ErrorCode::NotFound,
                         tr("cohere needs an API key in the secret %1, which %2 does not have: "
                            "set it with `deploydeskctl secrets set %1` and list it under the "
                            "stage's secrets: [%1]")
                             .arg(options.apiKeySecret, where));
    }
    options.secrets.append(QString::fromUtf8(options.apiKey));

    auto base = resolvePlatformBase(Platform::Cohere, options.baseUrl, env);
    if (!base)
        return std::unexpected(base.error());
    options.baseUrl = base->url;
    if (!base->notice.isEmpty())
        options.notes.append(base->notice);
    return options;
}

} // namespace DeployDesk::Data
