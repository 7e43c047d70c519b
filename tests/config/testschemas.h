#pragma once

// The stage types the config tests load pipelines with: health-check as DeployDesk ships
// it (the config module cannot see the engine's registry) and "publish", which takes one
// parameter of each kind.

#include "config/pipelineloader.h"

namespace DeployDesk::Test {

inline QMap<QString, ParamSchema> stageTypeParams()
{
    using K = ParamSpec::Kind;
    const ParamSchema healthCheck{
        {QStringLiteral("url"), K::String, false, QStringLiteral("the URL to GET"), {}, 0, 0},
        {QStringLiteral("path"), K::String, false, QStringLiteral("appended to the url"), {}, 0, 0},
        {QStringLiteral("expect-status"),
         K::Int,
         false,
         QStringLiteral("the healthy status"),
         {},
         100,
         599},
        {QStringLiteral("timeout"), K::Duration, false, QStringLiteral("per request"), {}, 0, 0},
        {QStringLiteral("on-failure"),
         K::Choice,
         false,
         QStringLiteral("what a failure does"),
         {QStringLiteral("fail"), QStringLiteral("rollback")},
         0,
         0},
    };
    const ParamSchema publish{
        {QStringLiteral("target"), K::String, true, QStringLiteral("where to publish"), {}, 0, 0},
        {QStringLiteral("files"),
         K::StringList,
         false,
         QStringLiteral("what to publish"),
         {},
         0,
         0},
        {QStringLiteral("dry-run"), K::Bool, false, QString(), {}, 0, 0},
        {QStringLiteral("parallel"), K::Int, false, QStringLiteral("uploads at once"), {}, 1, 8},
        {QStringLiteral("mode"),
         K::Choice,
         false,
         QString(),
         {QStringLiteral("copy"), QStringLiteral("sync"), QStringLiteral("mirror")},
         0,
         0},
        {QStringLiteral("wait"), K::Duration, false, QString(), {}, 0, 0},
        {QStringLiteral("token-name"), K::String, true, QString(), {}, 0, 0},
    };
    return {{QStringLiteral("health-check"), healthCheck}, {QStringLiteral("publish"), publish}};
}

inline LoadOptions loadOptions()
{
    LoadOptions options;
    options.knownStageTypes = {QStringLiteral("health-check"), QStringLiteral("publish")};
    options.stageTypeParams = stageTypeParams();
    return options;
}

} // namespace DeployDesk::Test
