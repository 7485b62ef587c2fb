#include "errors.hpp"

#include <hdf5.h>

#include <cstdlib>

#include "addon_data.hpp"

namespace h5l {

namespace {

std::string MessageText(hid_t msgId) {
  char buf[256] = {0};
  H5E_type_t type;
  if (H5Eget_msg(msgId, &type, buf, sizeof buf) < 0) return "";
  return buf;
}

herr_t CollectFrame(unsigned, const H5E_error2_t* err, void* data) {
  auto* frames = static_cast<std::vector<ErrorFrame>*>(data);
  ErrorFrame f;
  f.major = MessageText(err->maj_num);
  f.minor = MessageText(err->min_num);
  f.func = err->func_name ? err->func_name : "";
  f.file = err->file_name ? err->file_name : "";
  f.line = err->line;
  f.message = err->desc ? err->desc : "";
  frames->push_back(std::move(f));
  return 0;
}

// libhdf5's file drivers report a failed system call as "..., errno = 28, error message = 'No
// space left on device', ...": the errno and its text are the cause a user can act on.
bool SystemError(const std::vector<ErrorFrame>& frames, int* code, std::string* text) {
  for (const ErrorFrame& f : frames) {
    size_t at = f.message.find("errno = ");
    if (at == std::string::npos) continue;
    *code = std::atoi(f.message.c_str() + at + 8);
    size_t open = f.message.find("error message = '", at);
    if (open == std::string::npos) return true;
    open += 17;
    size_t close = f.message.find('\'', open);
    *text = f.message.substr(open, close == std::string::npos ? std::string::npos : close - open);
    return true;
  }
  return false;
}

std::string Describe(const ErrorFrame& f) {
  std::string text = f.message.empty() ? f.minor : f.message;
  return text.empty() ? f.func : text;
}

Napi::Value NewInstance(Napi::Env env, Napi::FunctionReference& ctor, const std::string& message,
                        Napi::Value details) {
  if (ctor.IsEmpty()) return Napi::Error::New(env, message).Value();
  return ctor.New({Napi::String::New(env, message), details});
}

void Throw(Napi::Env env, Napi::Value error) {
  if (!env.IsExceptionPending()) napi_throw(env, error);
}

}  // namespace

// Innermost frame first: where libhdf5 detected the problem, then its callers up to the API.
H5Failure CaptureH5Failure(const std::string& operation, const std::string& target) {
  H5Failure failure{operation, target, {}};
  hid_t stack = H5Eget_current_stack();
  if (stack < 0) return failure;
  H5Ewalk2(stack, H5E_WALK_UPWARD, CollectFrame, &failure.frames);
  H5Eclose_stack(stack);
  return failure;
}

Napi::Value NewH5Error(Napi::Env env, const H5Failure& failure) {
  const std::vector<ErrorFrame>& frames = failure.frames;
  std::string message = failure.operation;
  if (!failure.target.empty()) message += " " + failure.target;
  message += " failed";
  int sysCode = 0;
  std::string sysText;
  bool system = SystemError(frames, &sysCode, &sysText);
  if (system) {
    message += ": " + sysText + " (errno " + std::to_string(sysCode) + ")";
    if (!frames.empty()) message += " (" + frames.back().func + ": " + Describe(frames.back()) + ")";
  } else if (!frames.empty()) {
    std::string inner = Describe(frames.front());
    std::string outer = Describe(frames.back());
    message += ": " + inner;
    if (outer != inner) message += " (" + frames.back().func + ": " + outer + ")";
  }
  Napi::Array jsFrames = Napi::Array::New(env, frames.size());
  for (size_t i = 0; i < frames.size(); i++) {
    const ErrorFrame& f = frames[i];
    Napi::Object o = Napi::Object::New(env);
    o.Set("major", f.major);
    o.Set("minor", f.minor);
    o.Set("func", f.func);
    o.Set("file", f.file);
    o.Set("line", f.line);
    o.Set("message", f.message);
    jsFrames.Set(static_cast<uint32_t>(i), o);
  }
  Napi::Object details = Napi::Object::New(env);
  details.Set("operation", failure.operation);
  details.Set("target", failure.target);
  details.Set("frames", jsFrames);
  if (system) details.Set("errno", sysCode);
  return NewInstance(env, Data(env)->h5Error, message, details);
}

Napi::Value NewArgumentError(Napi::Env env, const std::string& message) {
  return NewInstance(env, Data(env)->argumentError, message, env.Undefined());
}

Napi::Value NewClosedError(Napi::Env env, const std::string& message) {
  return NewInstance(env, Data(env)->closedError, message, env.Undefined());
}

void ThrowH5Error(Napi::Env env, const std::string& operation, const std::string& target) {
  Throw(env, NewH5Error(env, CaptureH5Failure(operation, target)));
}

void ThrowArgumentError(Napi::Env env, const std::string& message) { Throw(env, NewArgumentError(env, message)); }

void ThrowClosedError(Napi::Env env, const std::string& message) { Throw(env, NewClosedError(env, message)); }

Problem Problem::H5(std::string operation) {
  return {Kind::H5, std::move(operation), CaptureH5Failure("", "").frames};
}

void ThrowProblem(Napi::Env env, const Problem& problem, const std::string& target) {
  if (problem.kind == Problem::Kind::Argument) {
    ThrowArgumentError(env, problem.text);
  } else if (problem.kind == Problem::Kind::H5) {
    Throw(env, NewH5Error(env, H5Failure{problem.text, target, problem.frames}));
  }
}

}  // namespace h5l
