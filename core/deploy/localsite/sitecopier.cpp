#include "deploy/localsite/sitecopier.h"

#include "deploy/localsite/sitelayout.h"

#include <QFile>

#include <cerrno>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace DeployDesk::LocalSite {
namespace {
constexpr size_t kChunk = size_t(8) << 20;      // per copy_file_range call: cancel in between
constexpr size_t kBufferSize = size_t(1) << 20; // for the read/write fallback

qint64 mtimeNs(const struct stat &st)
{
    return qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

ManifestEntry entryOf(const struct stat &st)
{
    return ManifestEntry{qint64(st.st_size), mtimeNs(st), quint32(st.st_mode & 07777)};
}

// Closes a descriptor when it goes out of scope.
struct Fd
{
    int fd = -1;
    explicit Fd(int value)
        : fd(value)
    {}
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    int release()
    {
        const int value = fd;
        fd = -1;
        return value;
    }
};
} // namespace

SiteCopier::SiteCopier(const std::atomic_bool *cancel)
    : m_cancel(cancel)
{}

SiteCopier::~SiteCopier()
{
    if (m_previousFd >= 0)
        ::close(m_previousFd);
}

void SiteCopier::setPrevious(const QString &dir, SiteManifest manifest)
{
    m_previousDir = dir;
    m_previous = std::move(manifest);
}

bool SiteCopier::cancelRequested()
{
    if (!m_cancelled && m_cancel && m_cancel->load(std::memory_order_relaxed))
        m_cancelled = true;
    return m_cancelled;
}

Error SiteCopier::failure(const std::string &rel, const QString &what, int error) const
{
    const QString path = m_from + u'/' + QFile::decodeName(QByteArray::fromStdString(rel));
    return makeErrorValue(ErrorCode::Io,
                          tr("cannot %1 %2: %3").arg(what, path, SiteLayout::describeErrno(error)));
}

Result<void> SiteCopier::copy(const QString &from, const QString &to)
{
    m_from = from;
    m_stats = {};
    m_manifest = {};
    struct timespec started
    {};
    ::clock_gettime(CLOCK_REALTIME, &started);
    m_manifest.setStartedNs(qint64(started.tv_sec) * 1'000'000'000 + started.tv_nsec);
    Fd src(::open(QFile::encodeName(from).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (src.fd < 0)
        return std::unexpected(failure({}, tr("open"), errno));
    const QByteArray target = QFile::encodeName(to);
    if (::mkdir(target.constData(), 0755) != 0)
        return makeError(ErrorCode::Io,
                         tr("cannot create %1: %2").arg(to, SiteLayout::describeErrno(errno)));
    Fd dst(::open(target.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dst.fd < 0)
        return makeError(ErrorCode::Io,
                         tr("cannot open %1: %2").arg(to, SiteLayout::describeErrno(errno)));
    if (m_previousFd >= 0)
        ::close(m_previousFd);
    m_previousFd = -1;
    if (!m_previousDir.isEmpty() && !m_previous.isEmpty())
        m_previousFd = ::open(QFile::encodeName(m_previousDir).constData(),
                              O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    std::string rel;
    return copyDir(src.fd, dst.fd, rel);
}

Result<void> SiteCopier::copyDir(int srcDir, int dstDir, std::string &rel)
{
    std::vector<std::string> names;
    {
        const int listFd = ::dup(srcDir);
        DIR *dir = listFd < 0 ? nullptr : ::fdopendir(listFd);
        if (!dir) {
            const int error = errno;
            if (listFd >= 0)
                ::close(listFd);
            return std::unexpected(failure(rel, tr("list"), error));
        }
        while (const dirent *entry = ::readdir(dir)) {
            const std::string_view name(entry->d_name);
            if (name != "." && name != "..")
                names.emplace_back(name);
        }
        ::closedir(dir);
    }
    const size_t base = rel.size();
    for (const std::string &name : names) {
        if (cancelRequested())
            return {};
        rel.resize(base);
        if (!rel.empty())
            rel += '/';
        rel += name;
        struct stat st
        {};
        if (::fstatat(srcDir, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
            return std::unexpected(failure(rel, tr("read"), errno));
        if (auto done = copyEntry(srcDir, dstDir, name.c_str(), st, rel); !done)
            return done;
    }
    rel.resize(base);
    return {};
}

Result<void> SiteCopier::copyEntry(int srcDir, int dstDir, const char *name, const struct stat &st,
                                   std::string &rel)
{
    if (S_ISDIR(st.st_mode)) {
        if (::mkdirat(dstDir, name, 0700) != 0)
            return std::unexpected(failure(rel, tr("create the folder for"), errno));
        Fd in(::openat(srcDir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (in.fd < 0)
            return std::unexpected(failure(rel, tr("open"), errno));
        Fd out(::openat(dstDir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (out.fd < 0)
            return std::unexpected(failure(rel, tr("open the copy of"), errno));
        if (auto done = copyDir(in.fd, out.fd, rel); !done)
            return done;
        ::fchmod(out.fd, (st.st_mode & 07777) | S_IRWXU); // the owner can always prune it
        return {};
    }
    if (S_ISLNK(st.st_mode)) {
        std::string target(size_t(st.st_size > 0 ? st.st_size : 4096) + 1, '\0');
        const ssize_t n = ::readlinkat(srcDir, name, target.data(), target.size());
        if (n < 0)
            return std::unexpected(failure(rel, tr("read the link"), errno));
        target.resize(size_t(n));
        if (::symlinkat(target.c_str(), dstDir, name) != 0)
            return std::unexpected(failure(rel, tr("copy the link"), errno));
        ++m_stats.symlinks;
        return {};
    }
    if (!S_ISREG(st.st_mode)) {
        m_stats.skipped.append(QFile::decodeName(QByteArray::fromStdString(rel)));
        return {};
    }

    const ManifestEntry now = entryOf(st);
    if (tryLink(dstDir, name, rel, now)) {
        ++m_stats.files;
        ++m_stats.linked;
        m_stats.bytes += now.size;
        m_stats.linkedBytes += now.size;
        m_manifest.add(rel, now);
        if (m_afterFile)
            m_afterFile(m_stats);
        return {};
    }

    Fd in(::openat(srcDir, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (in.fd < 0)
        return std::unexpected(failure(rel, tr("open"), errno));
    struct stat opened
    {};
    if (::fstat(in.fd, &opened) != 0)
        return std::unexpected(failure(rel, tr("read"), errno));
    Fd out(::openat(dstDir, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (out.fd < 0)
        return std::unexpected(failure(rel, tr("create the copy of"), errno));
    if (auto done = copyData(in.fd, out.fd, rel); !done || m_cancelled)
        return done;
    // The copy keeps the time and mode the build gave the file: the next deploy compares them.
    const struct timespec times[2] = {opened.st_atim, opened.st_mtim};
    if (::fchmod(out.fd, opened.st_mode & 0777) != 0 || ::futimens(out.fd, times) != 0)
        return std::unexpected(failure(rel, tr("set the time and mode of the copy of"), errno));
    if (::close(out.release()) != 0)
        return std::unexpected(failure(rel, tr("write the copy of"), errno));
    const ManifestEntry copied = entryOf(opened);
    ++m_stats.files;
    ++m_stats.copied;
    m_stats.bytes += copied.size;
    m_stats.copiedBytes += copied.size;
    m_manifest.add(rel, copied);
    if (m_afterFile)
        m_afterFile(m_stats);
    return {};
}

bool SiteCopier::tryLink(int dstDir, const char *name, const std::string &rel,
                         const ManifestEntry &now)
{
    if (m_previousFd < 0)
        return false;
    const ManifestEntry *before = m_previous.find(rel);
    if (!before || !(*before == now) || !m_previous.isTrusted(*before))
        return false;
    // The previous release's file itself must still be what its manifest says.
    struct stat previous
    {};
    if (::fstatat(m_previousFd, rel.c_str(), &previous, AT_SYMLINK_NOFOLLOW) != 0 ||
        !S_ISREG(previous.st_mode) || !(entryOf(previous) == now))
        return false;
    // Any failure (another file system, too many links) falls back to a copy.
    return ::linkat(m_previousFd, rel.c_str(), dstDir, name, 0) == 0;
}

Result<void> SiteCopier::copyData(int in, int out, const std::string &rel)
{
    bool wroteAny = false;
    while (true) {
        if (cancelRequested())
            return {};
        if (m_copyRange) {
            const ssize_t n = ::copy_file_range(in, nullptr, out, nullptr, kChunk, 0);
            if (n > 0) {
                wroteAny = true;
                continue;
            }
            if (n == 0)
                return {};
            if (!wroteAny && (errno == EXDEV || errno == ENOSYS || errno == EINVAL ||
                              errno == EOPNOTSUPP || errno == EPERM)) {
                m_copyRange = false; // this kernel or file system cannot: plain reads and writes
                continue;
            }
            if (errno == EINTR)
                continue;
            return std::unexpected(failure(rel, tr("copy"), errno));
        }
        if (m_buffer.empty())
            m_buffer.resize(kBufferSize);
        const ssize_t n = ::read(in, m_buffer.data(), m_buffer.size());
        if (n == 0)
            return {};
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return std::unexpected(failure(rel, tr("read"), errno));
        }
        for (ssize_t written = 0; written < n;) {
            const ssize_t w = ::write(out, m_buffer.data() + written, size_t(n - written));
            if (w < 0) {
                if (errno == EINTR)
                    continue;
                return std::unexpected(failure(rel, tr("write the copy of"), errno));
            }
            written += w;
        }
        wroteAny = true;
    }
}

} // namespace DeployDesk::LocalSite
