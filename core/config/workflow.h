#pragma once

// A GitHub Actions workflow (.github/workflows/*.yml) as WorkflowLoader reads it: what the
// file says, with where it says it. Values that may hold `${{ }}` are kept as written
// (WorkflowText); integrations/github/workflowplan evaluates them.

#include "common/error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace DeployDesk {

// A scalar as written, with its position.
struct WorkflowText
{
    QString text;
    SourceLocation where;
    bool isSet() const { return where.line > 0; }
};

// An ordered name: value list (env, with, outputs): GitHub keeps the file's order.
using WorkflowVariables = QList<std::pair<QString, WorkflowText>>;

struct WorkflowInput
{
    QString name;
    QString type = QStringLiteral("string"); // string, boolean, number, choice, environment
    QString description;
    bool required = false;
    std::optional<QString> defaultValue; // as text ("true", "3", "staging")
    QStringList options;                 // for choice
    SourceLocation where;
};

struct WorkflowTriggers
{
    QStringList events;                  // every event named under `on`, in file order
    QList<WorkflowInput> dispatchInputs; // workflow_dispatch's inputs
    QStringList schedules;               // cron lines
    bool has(const QString &event) const { return events.contains(event); }
};

struct WorkflowDefaults
{
    WorkflowText shell;
    WorkflowText workingDirectory;
};

struct WorkflowConcurrency
{
    WorkflowText group;
    WorkflowText cancelInProgress; // "true"/"false" or an expression; unset: false
    bool isSet() const { return group.isSet(); }
};

struct WorkflowMatrix
{
    // Axis name -> values, in file order (values as JSON: strings, numbers, booleans,
    // objects, arrays).
    QList<std::pair<QString, QJsonArray>> axes;
    QJsonArray include; // of objects
    QJsonArray exclude; // of objects
    // `matrix: ${{ fromJSON(...) }}`, or an axis, include or exclude given as an
    // expression: the matrix is only known when the plan evaluates it.
    WorkflowText expression;
    QList<std::pair<QString, WorkflowText>> axisExpressions;
    SourceLocation where;
    bool isSet() const { return where.line > 0; }
};

struct WorkflowStep
{
    QString id; // `id:`, empty when not given
    WorkflowText name;
    WorkflowText run;  // a script, or
    WorkflowText uses; // an action
    WorkflowVariables with;
    WorkflowVariables env;
    WorkflowText condition; // `if:`
    WorkflowText shell;
    WorkflowText workingDirectory;
    WorkflowText continueOnError;
    WorkflowText timeoutMinutes;
    SourceLocation where; // the step's first key
    int index = 0;        // 0-based, in its job
};

struct WorkflowJob
{
    QString id;
    WorkflowText name;
    QList<std::pair<QString, SourceLocation>> needs;
    WorkflowText condition;
    WorkflowText runsOn;      // a label, or a list/map as JSON text
    QStringList runsOnLabels; // the labels when given as a string or list of strings
    WorkflowText environmentName;
    WorkflowText environmentUrl;
    WorkflowConcurrency concurrency;
    WorkflowVariables outputs;
    WorkflowVariables env;
    WorkflowDefaults defaults;
    WorkflowMatrix matrix;
    WorkflowText failFast;    // unset: true
    WorkflowText maxParallel; // unset: no limit
    WorkflowText timeoutMinutes;
    WorkflowText continueOnError;
    WorkflowText container; // image or a map's `image`; set when the job has one
    QStringList services;   // service container names
    SourceLocation servicesWhere;
    WorkflowText uses; // a reusable workflow call
    QList<WorkflowStep> steps;
    SourceLocation where; // the job's key
};

// A local action (`uses: ./path`): its action.yml. Only composite actions have steps.
struct LocalActionInput
{
    QString name;
    bool required = false;
    WorkflowText defaultValue; // may hold ${{ }}
};

struct LocalAction
{
    QString dir;  // absolute
    QString file; // its action.yml, absolute
    QString name;
    QString runsUsing; // "composite", "node20", "docker"...
    QList<LocalActionInput> inputs;
    WorkflowVariables outputs; // name -> `value:`
    QList<WorkflowStep> steps; // composite only
};

struct Workflow
{
    QString filePath;    // absolute
    QString displayPath; // as diagnostics name it (relative to the workspace)
    QString workspaceDir;
    WorkflowText name;
    WorkflowText runName;
    WorkflowTriggers on;
    WorkflowVariables env;
    WorkflowDefaults defaults;
    WorkflowConcurrency concurrency;
    QList<WorkflowJob> jobs;

    // The name GitHub shows: `name:`, else the file's path in the repository.
    QString displayName() const { return name.text.isEmpty() ? displayPath : name.text; }
    const WorkflowJob *job(const QString &id) const;
};

} // namespace DeployDesk
