#include "data/index/indexjob.h"

namespace DeployDesk::Data {

IndexJob::~IndexJob() = default;

} // namespace DeployDesk::Data
