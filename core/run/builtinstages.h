#pragma once

namespace DeployDesk {

// Registers every built-in stage type and deploy target DeployDesk ships with (the
// deploy targets live in libraries of their own). Safe to call more than once.
void registerBuiltinStageTypes();

} // namespace DeployDesk
