#pragma once

#include <QJsonObject>
#include <QString>

#include <expected>
#include <optional>

namespace DeployDesk {

// What the jobs of a workflow run leave for each other and for the next job on this
// machine, made cheap: a trivial job's own files (a folder and four command files made and
// removed, a result file written through a temporary file and fsync) were a third of what
// it cost beyond a plain stage (docs/benchmarks.md §16).

// RUNNER_TEMP folders, reused by the jobs this process runs. A job's folder is emptied when
// it ends — everything the job put there goes; the step command files stay, when empty,
// and are truncated again before each step — and handed to the next job; at most a few
// wait, the rest and all of them at exit are removed.
class RunnerTemp final
{
public:
    // A folder for a job: an emptied one, or a new one below the system's temporary folder.
    static std::expected<RunnerTemp, QString> take();
    RunnerTemp(RunnerTemp &&other) noexcept;
    RunnerTemp &operator=(RunnerTemp &&other) noexcept;
    ~RunnerTemp(); // empties and returns the folder, or removes it
    RunnerTemp(const RunnerTemp &) = delete;
    RunnerTemp &operator=(const RunnerTemp &) = delete;

    const QString &path() const { return m_path; }

    // The names of the step command files kept between jobs (GITHUB_OUTPUT...).
    static const QStringList &commandFileNames();
    // For tests: how many folders wait to be reused.
    static int waiting();
    // Removes the folders that processes no longer running in this pid namespace left
    // below `tempDir` (a deploydesk killed with SIGKILL cannot empty them, and a step's
    // command files may hold its outputs); returns how many. take() does it once per
    // process.
    static int removeLeftovers(const QString &tempDir);

private:
    explicit RunnerTemp(QString path)
        : m_path(std::move(path))
    {}
    QString m_path;
};

// The result of each job of a run (`{"result": ..., "outputs": {...}}`), read by the jobs
// that need it. Appended as a line of JSON to one file per run (`dir`/results.jsonl; a
// job's last line counts) and kept in memory for the runs this process used last, so
// reading costs no file and writing no new file.
namespace JobResults {
void write(const QString &dir, const QString &stage, const QJsonObject &result);
std::optional<QJsonObject> read(const QString &dir, const QString &stage);
} // namespace JobResults

} // namespace DeployDesk
