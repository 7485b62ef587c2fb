{
  "variables": {
    "hdf5_static_prefix%": ""
  },
  "targets": [
    {
      "target_name": "h5lowlevel",
      "sources": [
        "native/addon.cpp",
        "native/errors.cpp",
        "native/convert.cpp",
        "native/dtype.cpp",
        "native/handles.cpp",
        "native/file.cpp",
        "native/file_driver.cpp",
        "native/file_metadata.cpp",
        "native/flush_marks.cpp",
        "native/node.cpp",
        "native/group_ops.cpp",
        "native/attr_read.cpp",
        "native/values.cpp",
        "native/attr_write.cpp",
        "native/attr_shapes.cpp",
        "native/dataset_create.cpp",
        "native/dataset_info.cpp",
        "native/dataset_io.cpp",
        "native/chunk_direct.cpp",
        "native/selection.cpp",
        "native/vlen_ops.cpp",
        "native/transfer.cpp",
        "native/async_work.cpp",
        "native/async_file.cpp",
        "native/async_dataset.cpp"
      ],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_VERSION=8", "NAPI_DISABLE_CPP_EXCEPTIONS", "H5_USE_110_API"],
      "cflags_cc": ["-std=c++17", "-fno-exceptions", "-Wall", "-Wextra", "-Wno-unused-parameter"],
      "cflags_cc!": ["-fno-rtti"],
      "ldflags": ["-Wl,-z,nodelete"],
      "xcode_settings": {
        "CLANG_CXX_LANGUAGE_STANDARD": "c++17",
        "GCC_ENABLE_CPP_EXCEPTIONS": "NO"
      },
      "conditions": [
        ["hdf5_static_prefix==''", {
          "include_dirs": ["<!@(pkg-config --cflags-only-I hdf5 | sed s/-I//g)"],
          "libraries": ["<!@(pkg-config --libs hdf5)"],
          "xcode_settings": { "OTHER_CPLUSPLUSFLAGS": ["<!@(pkg-config --cflags hdf5)"] }
        }, {
          "include_dirs": ["<(hdf5_static_prefix)/include"],
          "libraries": ["<(hdf5_static_prefix)/lib/libhdf5.a", "<!@(node -p \"require('./scripts/prebuild/recipe.json').link.join(' ')\")"],
          "ldflags": ["-Wl,--exclude-libs,ALL"]
        }]
      ]
    }
  ]
}
