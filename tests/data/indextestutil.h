#pragma once

// Points and checks shared by the vector index tests (local and Qdrant).
#include "data/corpus/chunk.h"
#include "data/index/indextypes.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace DeployDesk::Test {

inline QList<float> randomVector(QRandomGenerator &random, int dimension)
{
    QList<float> v(dimension);
    for (float &x : v)
        x = float(random.generateDouble() * 2.0 - 1.0);
    return v;
}

inline QList<Data::IndexPoint> makePoints(int count, int dimension, quint32 seed = 7,
                                          const QString &tag = QStringLiteral("doc"))
{
    QRandomGenerator random(seed);
    QList<Data::IndexPoint> points;
    for (int i = 0; i < count; ++i) {
        const QString identity = QStringLiteral("%1/%2.md#%3").arg(tag).arg(i % 17).arg(i);
        points.append({pointId(identity).toString(QUuid::WithoutBraces),
                       randomVector(random, dimension),
                       QJsonObject{{"path", QStringLiteral("%1/%2.md").arg(tag).arg(i % 17)},
                                   {"chunk", i},
                                   {"text", QStringLiteral("text of chunk %1").arg(i)}}});
    }
    return points;
}

inline double cosine(const QList<float> &a, const QList<float> &b)
{
    double dot = 0, na = 0, nb = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        dot += double(a[i]) * b[i];
        na += double(a[i]) * a[i];
        nb += double(b[i]) * b[i];
    }
    return dot / std::sqrt(na * nb);
}

// The ids of the `k` points nearest `query`, by brute force.
inline QStringList nearest(const QList<Data::IndexPoint> &points, const QList<float> &query, int k)
{
    QList<std::pair<double, QString>> scored;
    for (const auto &p : points)
        scored.append({cosine(p.vector, query), p.id});
    std::sort(scored.begin(), scored.end(),
              [](const auto &a, const auto &b) { return a.first > b.first; });
    QStringList ids;
    for (int i = 0; i < k && i < scored.size(); ++i)
        ids << scored.at(i).second;
    return ids;
}

inline QStringList idsOf(const QList<Data::IndexHit> &hits)
{
    QStringList ids;
    for (const auto &h : hits)
        ids << h.id;
    return ids;
}

} // namespace DeployDesk::Test
