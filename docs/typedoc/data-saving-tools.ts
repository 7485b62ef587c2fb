/**
 * Tools of the data-saving package (`@pymodaq-ts/data-saving/tools`): the file inspector, the
 * canonical load JSON, the scenario replay and the attribute codec.
 *
 * @module @pymodaq-ts/data-saving/tools
 */
export * from "@pymodaq-ts/data-saving/tools";
