// Turning failures into JS exceptions: libhdf5's error stack into H5Error frames, invalid
// arguments into H5ArgumentError, use after close into H5ClosedError. The Throw* functions throw a
// pending JS exception (callers return right after); the New* ones build the error object, for
// promises rejected when asynchronous work settles.
#pragma once

#include <napi.h>

#include <string>
#include <vector>

namespace h5l {

// One entry of libhdf5's error stack.
struct ErrorFrame {
  std::string major, minor, func, file, message;
  unsigned line = 0;
};

// A libhdf5 failure, recorded on the thread where it happened (libhdf5's error stack is per thread).
struct H5Failure {
  std::string operation, target;
  std::vector<ErrorFrame> frames;  // innermost first
};

// Walks and clears the calling thread's libhdf5 error stack. Any thread; no JS involved.
H5Failure CaptureH5Failure(const std::string& operation, const std::string& target);

// Outcome of work done without JS (shared by the synchronous methods and the pool threads): an
// invalid argument with its message, or a libhdf5 failure with the operation that failed and
// libhdf5's error stack, taken when the failure is recorded (the next libhdf5 call, even closing
// an identifier on the way out, would clear it).
struct Problem {
  enum class Kind { None, Argument, H5 };
  Kind kind = Kind::None;
  std::string text;  // the argument message, or the operation ("read dataset")
  std::vector<ErrorFrame> frames;
  bool ok() const { return kind == Kind::None; }
  static Problem Argument(std::string message) { return {Kind::Argument, std::move(message), {}}; }
  // Takes the calling thread's error stack now.
  static Problem H5(std::string operation);
};

// Throws `problem` as H5ArgumentError or, capturing this thread's error stack, as H5Error about `target`.
void ThrowProblem(Napi::Env env, const Problem& problem, const std::string& target);

// Throws H5Error("<operation> <target> failed: <detail>") from this thread's error stack.
void ThrowH5Error(Napi::Env env, const std::string& operation, const std::string& target);
void ThrowArgumentError(Napi::Env env, const std::string& message);
void ThrowClosedError(Napi::Env env, const std::string& message);

// The same errors as values (constructing one may itself leave a JS exception pending).
Napi::Value NewH5Error(Napi::Env env, const H5Failure& failure);
Napi::Value NewArgumentError(Napi::Env env, const std::string& message);
Napi::Value NewClosedError(Napi::Env env, const std::string& message);

}  // namespace h5l
