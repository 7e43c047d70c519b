#include "fakes/coherefake.h"

#include <QJsonArray>
#include <QUuid>

#include <cmath>

namespace DeployDesk::Test {
namespace {

const QStringList kInputTypes{"search_document", "search_query", "classification", "clustering",
                              "image"};
const QStringList kEmbeddingTypes{"float", "int8", "uint8", "binary", "ubinary", "base64"};
const QStringList kTruncate{"NONE", "START", "END"};
const QStringList kKnownFields{"model",      "input_type",      "texts",    "images",
                               "inputs",     "embedding_types", "truncate", "output_dimension",
                               "max_tokens", "priority"};

quint64 fnv1a(const QByteArray &bytes)
{
    quint64 hash = 0xcbf29ce484222325ULL;
    for (const char c : bytes) {
        hash ^= quint8(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

} // namespace

CohereFake::CohereFake(QObject *parent)
    : QObject(parent)
{
    m_server.setFallback([](const FakeRequest &request) {
        return error(404, QStringLiteral("no route for %1 %2")
                              .arg(QString::fromLatin1(request.method), request.path));
    });
    m_server.on("POST", QStringLiteral("/v2/embed"),
                [this](const FakeRequest &r) { return embed(r).withDelay(m_latency); });
    m_server.on("GET", QStringLiteral("/_fake/stats"), [this](const FakeRequest &) {
        return FakeResponse::json(QJsonObject{{"calls", m_calls},
                                              {"embedded_inputs", m_embedded},
                                              {"rate_limited", m_rateLimited},
                                              {"max_window_inputs", m_maxWindow}});
    });
}

CohereFake::~CohereFake() = default;

bool CohereFake::listen(quint16 port)
{
    return m_server.listen(port);
}

void CohereFake::setBudget(int inputs, std::chrono::milliseconds window)
{
    m_budget = inputs;
    m_windowNs = qint64(window.count()) * 1'000'000;
}

void CohereFake::inject(const FakeResponse &response, int times)
{
    for (int i = 0; i < times; ++i)
        m_injected.append(response);
}

FakeResponse CohereFake::error(int status, const QString &message)
{
    return FakeResponse::json(
        QJsonObject{{"id", QUuid::createUuid().toString(QUuid::WithoutBraces)},
                    {"message", message}},
        status);
}

FakeResponse CohereFake::rateLimited(int retryAfterSeconds)
{
    FakeResponse response = error(429, QStringLiteral("You are past the per minute request "
                                                      "limit, please wait and try again later."));
    if (retryAfterSeconds > 0)
        response.withHeader("Retry-After", QByteArray::number(retryAfterSeconds));
    return response;
}

FakeResponse CohereFake::invalid(const QString &message)
{
    m_violations.append(message);
    return error(400, QStringLiteral("invalid request: ") + message);
}

int CohereFake::modelDimension(const QString &model)
{
    if (model == QLatin1String("embed-v4.0"))
        return 1536;
    if (model == QLatin1String("embed-english-v3.0") ||
        model == QLatin1String("embed-multilingual-v3.0"))
        return 1024;
    if (model == QLatin1String("embed-english-light-v3.0") ||
        model == QLatin1String("embed-multilingual-light-v3.0"))
        return 384;
    return 0;
}

QList<float> CohereFake::expectedVector(const QString &text, const QString &inputType,
                                        int dimension)
{
    quint64 state = fnv1a(inputType.toUtf8() + '\0' + text.toUtf8()) | 1;
    QList<float> vector(dimension);
    double norm = 0;
    for (int i = 0; i < dimension; ++i) {
        state ^= state << 13; // xorshift64
        state ^= state >> 7;
        state ^= state << 17;
        const float v = float(double(state >> 11) / double(1ULL << 53) - 0.5);
        vector[i] = v;
        norm += double(v) * v;
    }
    norm = std::sqrt(norm);
    for (float &v : vector)
        v = float(v / norm);
    return vector;
}

FakeResponse CohereFake::embed(const FakeRequest &request)
{
    ++m_calls;
    if (!m_recordBodies)
        m_server.clearRequests();
    if (request.header("authorization") != "Bearer " + m_key)
        return error(401, QStringLiteral("invalid api token"));
    if (!m_injected.isEmpty())
        return m_injected.takeFirst();

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (!doc.isObject())
        return invalid(QStringLiteral("invalid json body: %1").arg(parseError.errorString()));
    const QJsonObject body = doc.object();
    if (m_recordBodies)
        m_bodies.append(body);
    if (!request.header("content-type").startsWith("application/json"))
        m_violations.append(QStringLiteral("Content-Type is not application/json"));
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!kKnownFields.contains(it.key()))
            return invalid(QStringLiteral("unknown field `%1`").arg(it.key()));
    }
    const QString model = body.value("model").toString();
    if (model.isEmpty())
        return invalid(QStringLiteral("model is required"));
    const QString inputType = body.value("input_type").toString();
    if (!kInputTypes.contains(inputType))
        return invalid(QStringLiteral("input_type must be one of %1; received \"%2\"")
                           .arg(kInputTypes.join(QStringLiteral(", ")), inputType));
    if (!body.value("embedding_types").isArray() ||
        body.value("embedding_types").toArray().isEmpty())
        return invalid(QStringLiteral("embedding_types is required for v2 embed"));
    for (const QJsonValue &type : body.value("embedding_types").toArray()) {
        if (!kEmbeddingTypes.contains(type.toString()))
            return invalid(QStringLiteral("embedding_types: unknown type %1")
                               .arg(type.toVariant().toString()));
    }
    if (!body.value("embedding_types").toArray().contains(QJsonValue(QStringLiteral("float"))))
        m_violations.append(QStringLiteral("embedding_types without float"));
    const QString truncate = body.value("truncate").toString(QStringLiteral("END"));
    if (!kTruncate.contains(truncate))
        return invalid(QStringLiteral("truncate must be NONE, START or END"));
    if (!body.value("texts").isArray())
        return invalid(QStringLiteral("texts must be an array of strings"));
    const QJsonArray texts = body.value("texts").toArray();
    if (texts.isEmpty())
        return invalid(QStringLiteral("texts must not be empty"));
    if (texts.size() > 96)
        return invalid(QStringLiteral("total number of texts must be at most 96 - received %1")
                           .arg(texts.size()));
    int dimension = modelDimension(model);
    if (dimension == 0)
        return error(404, QStringLiteral("model '%1' not found, make sure the correct model ID "
                                         "was used and that you have access to the model.")
                              .arg(model));
    if (body.contains("output_dimension")) {
        const int wanted = body.value("output_dimension").toInt();
        if (model != QLatin1String("embed-v4.0") ||
            !QList<int>{256, 512, 1024, 1536}.contains(wanted))
            return invalid(QStringLiteral("output_dimension %1 is not supported by %2")
                               .arg(wanted)
                               .arg(model));
        dimension = wanted;
    }
    if (m_billing)
        return error(402, QStringLiteral("Please add or update your payment method at "
                                         "https://dashboard.cohere.com/billing?tab=payment to "
                                         "continue"));
    int tokens = 0;
    for (int i = 0; i < texts.size(); ++i) {
        if (!texts.at(i).isString())
            return invalid(QStringLiteral("texts[%1] must be a string").arg(i));
        const int words =
            int(texts.at(i).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts).size());
        tokens += words;
        if (m_maxTokens > 0 && words > m_maxTokens && truncate == QLatin1String("NONE"))
            return error(400, QStringLiteral("invalid request: input at index %1 is too long "
                                             "(%2 tokens, the model takes at most %3); use "
                                             "truncate START or END, or shorten it")
                                  .arg(i)
                                  .arg(words)
                                  .arg(m_maxTokens));
    }

    if (m_budget > 0) {
        const qint64 now = request.receivedNs;
        while (!m_window.empty() && m_window.front().first + m_windowNs <= now) {
            m_windowUsed -= m_window.front().second;
            m_window.pop_front();
        }
        if (m_windowUsed + texts.size() > m_budget) {
            ++m_rateLimited;
            return rateLimited();
        }
        m_window.emplace_back(now, int(texts.size()));
        m_windowUsed += int(texts.size());
    } else {
        // Without a budget, still tell how many arrived within a minute.
        const qint64 now = request.receivedNs;
        while (!m_window.empty() && m_window.front().first + m_windowNs <= now) {
            m_windowUsed -= m_window.front().second;
            m_window.pop_front();
        }
        m_window.emplace_back(now, int(texts.size()));
        m_windowUsed += int(texts.size());
    }
    m_maxWindow = std::max(m_maxWindow, m_windowUsed);

    // Written by hand: QJsonArray would spend far longer than the latency on ~100,000 numbers,
    // and benchmarks measure the client, not the fake.
    QByteArray floats = "[";
    floats.reserve(texts.size() * dimension * 14 + 16);
    QJsonArray echoed;
    for (qsizetype t = 0; t < texts.size(); ++t) {
        const QString text = texts.at(t).toString();
        if (t)
            floats += ',';
        const QString key = inputType + QChar(0) + QString::number(dimension) + QChar(0) + text;
        auto row = m_rows.constFind(key);
        if (row == m_rows.constEnd()) {
            QByteArray written = "[";
            const QList<float> vector = expectedVector(text, inputType, dimension);
            for (qsizetype i = 0; i < vector.size(); ++i) {
                if (i)
                    written += ',';
                written += QByteArray::number(double(vector.at(i)), 'g', 9);
            }
            written += ']';
            row = m_rows.insert(key, written);
        }
        floats += *row;
        echoed.append(text);
        ++m_timesEmbedded[text];
    }
    floats += ']';
    m_embedded += int(texts.size());
    const QJsonObject rest{
        {"id", QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {"response_type", "embeddings_by_type"},
        {"texts", echoed},
        {"meta", QJsonObject{{"api_version", QJsonObject{{"version", "2"}}},
                             {"billed_units", QJsonObject{{"input_tokens", tokens}}}}},
    };
    QByteArray answer = QJsonDocument(rest).toJson(QJsonDocument::Compact);
    answer.chop(1); // the closing brace
    answer.reserve(answer.size() + floats.size() + 32);
    answer += ",\"embeddings\":{\"float\":";
    answer += floats;
    answer += "}}";
    FakeResponse response = FakeResponse::text(answer, 200, "application/json");
    return response;
}

} // namespace DeployDesk::Test
