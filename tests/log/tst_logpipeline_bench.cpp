// Throughput of LogPipeline, run by hand (not registered with ctest):
//   build-*/bin/tst_logpipeline_bench [lines] [colour]
// Prints lines/second for 2,000,000 lines of ~50 bytes with a masker of 3 secrets.
// With "colour", every line carries SGR colours (the masker then matches on the text
// without them) and the secret is split by grep-like colour codes.
#include "log/logpipeline.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

using namespace DeployDesk;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qsizetype lines = argc > 1 ? QByteArray(argv[1]).toLongLong() : 2'000'000;
    const bool colour = argc > 2 && QByteArray(argv[2]) == "colour";

    // A block of ~64 KB of lines as a pipe read delivers them, fed repeatedly.
    QByteArray block;
    qsizetype blockLines = 0;
    while (block.size() < 64 * 1024) {
        if (colour)
            block += "\x1b[32m";
        block += "[" + QByteArray::number(blockLines) +
                 "] compiling src/module/file.cpp -o build/file.o";
        if (blockLines % 100 == 0)
            block += colour ? " token=ghp_s3\x1b[01;31m\x1b[Kcr3tValue\x1b[m\x1b[K"
                            : " token=ghp_s3cr3tValue";
        if (colour)
            block += "\x1b[0m";
        block += "\n";
        ++blockLines;
    }

    SecretMasker masker;
    masker.setSecrets({"ghp_s3cr3tValue", "hunter2-password", "AKIAEXAMPLEKEY"});
    qsizetype received = 0;
    qsizetype bytes = 0;
    LogPipeline pipeline(std::move(masker), [&](std::span<const LogLineRef> lines) {
        for (const LogLineRef &line : lines) {
            ++received;
            bytes += line.text.size();
        }
    });

    QElapsedTimer timer;
    timer.start();
    qsizetype fed = 0;
    while (fed < lines) {
        pipeline.feed(LogStream::Stdout, block);
        fed += blockLines;
    }
    pipeline.finish();
    const double seconds = timer.nsecsElapsed() / 1e9;
    QTextStream(stdout) << received << " lines, " << bytes / (1024 * 1024) << " MB in " << seconds
                        << " s: " << qint64(received / seconds) << " lines/s, "
                        << qint64(bytes / seconds / (1024 * 1024)) << " MB/s\n";
    return 0;
}
