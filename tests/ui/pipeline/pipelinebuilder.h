#pragma once

// Pipelines built in code for the graph tests: "name: need1 need2" per line.

#include "config/pipeline.h"

#include <QStringList>

namespace DeployDesk::Test {

inline Pipeline pipelineFrom(const QStringList &lines)
{
    Pipeline pipeline;
    pipeline.name = QStringLiteral("test");
    for (const QString &line : lines) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        Stage stage;
        stage.name = line.left(colon).trimmed();
        if (colon >= 0)
            stage.needs = line.mid(colon + 1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        stage.run = QStringLiteral("echo %1").arg(stage.name);
        pipeline.stages.append(stage);
    }
    return pipeline;
}

// `count` stages in `width` columns; each stage needs one to three stages of earlier
// columns, picked by a fixed formula so the result never changes.
inline Pipeline generatedPipeline(int count, int width)
{
    QStringList lines;
    for (int i = 0; i < count; ++i) {
        QStringList needs;
        const int column = i / width;
        if (column > 0) {
            const int previousStart = (column - 1) * width;
            needs << QStringLiteral("s%1").arg(previousStart + (i * 7) % width);
            if (i % 3 == 0)
                needs << QStringLiteral("s%1").arg(previousStart + (i * 5 + 2) % width);
            if (column > 1 && i % 4 == 1)
                needs << QStringLiteral("s%1").arg((i * 11) % ((column - 1) * width));
        }
        lines << QStringLiteral("s%1: %2").arg(i).arg(needs.join(QLatin1Char(' ')));
    }
    return pipelineFrom(lines);
}

} // namespace DeployDesk::Test
