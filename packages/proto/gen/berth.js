/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const berth = $root.berth = (() => {

    /**
     * Namespace berth.
     * @exports berth
     * @namespace
     */
    const berth = {};

    berth.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof berth
         * @namespace
         */
        const v1 = {};

        v1.AgentRegistration = (function() {

            /**
             * Properties of an AgentRegistration.
             * @memberof berth.v1
             * @interface IAgentRegistration
             * @property {string|null} [agentId] AgentRegistration agentId
             * @property {string|null} [hostname] AgentRegistration hostname
             * @property {berth.v1.IResources|null} [resources] AgentRegistration resources
             * @property {Object.<string,string>|null} [attributes] AgentRegistration attributes
             * @property {string|null} [version] AgentRegistration version
             * @property {string|null} [metricsUrl] AgentRegistration metricsUrl
             * @property {number|null} [startedAtMs] AgentRegistration startedAtMs
             * @property {Uint8Array|null} [sealingKey] AgentRegistration sealingKey
             */

            /**
             * Constructs a new AgentRegistration.
             * @memberof berth.v1
             * @classdesc Represents an AgentRegistration.
             * @implements IAgentRegistration
             * @constructor
             * @param {berth.v1.IAgentRegistration=} [properties] Properties to set
             */
            function AgentRegistration(properties) {
                this.attributes = {};
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * AgentRegistration agentId.
             * @member {string} agentId
             * @memberof berth.v1.AgentRegistration
             * @instance
             */
            AgentRegistration.prototype.agentId = "";

            /**
             * AgentRegistration hostname.
             * @member {string} hostname
             * @memberof berth.v1.AgentRegistration
             * @instance
             */
            AgentRegistration.prototype.hostname = "";

            /**
             * AgentRegistration resources.
             * @member {berth.v1.IResources|null|undefined} resources
             * @memberof berth.v1.AgentRegistration
             * @instance
             */
            AgentRegistration.prototype.resources = null;

            /**
             * AgentRegistration attributes.
             * @member {Object.<string,string>} attributes
             * @memberof berth.v1.AgentRegistration
             * @instance
             */
            AgentRegistration.prototype.attributes = $util.emptyObject;

            /**
             * AgentRegistration version.
             * @member {string} version
             * @memberof berth.v1.AgentRegistration
             * @instance
             */
            AgentRegistration.prototype.version = "";

            /**
             * AgentRegistration metricsUrl.
             * @member {string} metricsUrl
             * @memberof berth.v1.AgentRegistration
             * @instance
             */
            AgentRegistration.prototype.metricsUrl = "";

            /**
             * AgentRegistration startedAtMs.
             * @member {number} startedAtMs
             * @memberof berth.v1.AgentRegistration
             * @instance
             */
            AgentRegistration.prototype.startedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * AgentRegistration sealingKey.
             * @member {Uint8Array} sealingKey
             * @memberof berth.v1.AgentRegistration
             * @instance
             */
            AgentRegistration.prototype.sealingKey = $util.newBuffer([]);

            /**
             * Creates a new AgentRegistration instance using the specified properties.
             * @function create
             * @memberof berth.v1.AgentRegistration
             * @static
             * @param {berth.v1.IAgentRegistration=} [properties] Properties to set
             * @returns {berth.v1.AgentRegistration} AgentRegistration instance
             */
            AgentRegistration.create = function create(properties) {
                return new AgentRegistration(properties);
            };

            /**
             * Encodes the specified AgentRegistration message. Does not implicitly {@link berth.v1.AgentRegistration.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.AgentRegistration
             * @static
             * @param {berth.v1.IAgentRegistration} message AgentRegistration message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AgentRegistration.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.agentId != null && Object.hasOwnProperty.call(message, "agentId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.agentId);
                if (message.hostname != null && Object.hasOwnProperty.call(message, "hostname"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.hostname);
                if (message.resources != null && Object.hasOwnProperty.call(message, "resources"))
                    $root.berth.v1.Resources.encode(message.resources, writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (message.attributes != null && Object.hasOwnProperty.call(message, "attributes"))
                    for (let keys = Object.keys(message.attributes), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 4, wireType 2 =*/34).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.attributes[keys[i]]).ldelim();
                if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.version);
                if (message.metricsUrl != null && Object.hasOwnProperty.call(message, "metricsUrl"))
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.metricsUrl);
                if (message.startedAtMs != null && Object.hasOwnProperty.call(message, "startedAtMs"))
                    writer.uint32(/* id 7, wireType 0 =*/56).int64(message.startedAtMs);
                if (message.sealingKey != null && Object.hasOwnProperty.call(message, "sealingKey"))
                    writer.uint32(/* id 8, wireType 2 =*/66).bytes(message.sealingKey);
                return writer;
            };

            /**
             * Decodes an AgentRegistration message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.AgentRegistration
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.AgentRegistration} AgentRegistration
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AgentRegistration.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message, key, value;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.AgentRegistration();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.agentId = reader.string();
                            break;
                        }
                    case 2: {
                            message.hostname = reader.string();
                            break;
                        }
                    case 3: {
                            message.resources = $root.berth.v1.Resources.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 4: {
                            if (message.attributes === $util.emptyObject)
                                message.attributes = {};
                            let end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                let tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.attributes, key);
                            message.attributes[key] = value;
                            break;
                        }
                    case 5: {
                            message.version = reader.string();
                            break;
                        }
                    case 6: {
                            message.metricsUrl = reader.string();
                            break;
                        }
                    case 7: {
                            message.startedAtMs = reader.int64();
                            break;
                        }
                    case 8: {
                            message.sealingKey = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates an AgentRegistration message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.AgentRegistration
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.AgentRegistration} AgentRegistration
             */
            AgentRegistration.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.AgentRegistration)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.AgentRegistration: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.AgentRegistration();
                if (object.agentId != null)
                    message.agentId = String(object.agentId);
                if (object.hostname != null)
                    message.hostname = String(object.hostname);
                if (object.resources != null) {
                    if (!$util.isObject(object.resources))
                        throw TypeError(".berth.v1.AgentRegistration.resources: object expected");
                    message.resources = $root.berth.v1.Resources.fromObject(object.resources, long + 1);
                }
                if (object.attributes) {
                    if (!$util.isObject(object.attributes))
                        throw TypeError(".berth.v1.AgentRegistration.attributes: object expected");
                    message.attributes = {};
                    for (let keys = Object.keys(object.attributes), i = 0; i < keys.length; ++i) {
                        if (keys[i] === "__proto__")
                            $util.makeProp(message.attributes, keys[i]);
                        message.attributes[keys[i]] = String(object.attributes[keys[i]]);
                    }
                }
                if (object.version != null)
                    message.version = String(object.version);
                if (object.metricsUrl != null)
                    message.metricsUrl = String(object.metricsUrl);
                if (object.startedAtMs != null)
                    if ($util.Long)
                        message.startedAtMs = $util.Long.fromValue(object.startedAtMs, false);
                    else if (typeof object.startedAtMs === "string")
                        message.startedAtMs = parseInt(object.startedAtMs, 10);
                    else if (typeof object.startedAtMs === "number")
                        message.startedAtMs = object.startedAtMs;
                    else if (typeof object.startedAtMs === "object")
                        message.startedAtMs = new $util.LongBits(object.startedAtMs.low >>> 0, object.startedAtMs.high >>> 0).toNumber();
                if (object.sealingKey != null)
                    if (typeof object.sealingKey === "string")
                        $util.base64.decode(object.sealingKey, message.sealingKey = $util.newBuffer($util.base64.length(object.sealingKey)), 0);
                    else if (object.sealingKey.length >= 0)
                        message.sealingKey = object.sealingKey;
                return message;
            };

            /**
             * Creates a plain object from an AgentRegistration message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.AgentRegistration
             * @static
             * @param {berth.v1.AgentRegistration} message AgentRegistration
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AgentRegistration.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.objects || options.defaults)
                    object.attributes = {};
                if (options.defaults) {
                    object.agentId = "";
                    object.hostname = "";
                    object.resources = null;
                    object.version = "";
                    object.metricsUrl = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.startedAtMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.startedAtMs = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    if (options.bytes === String)
                        object.sealingKey = "";
                    else {
                        object.sealingKey = [];
                        if (options.bytes !== Array)
                            object.sealingKey = $util.newBuffer(object.sealingKey);
                    }
                }
                if (message.agentId != null && Object.hasOwnProperty.call(message, "agentId"))
                    object.agentId = message.agentId;
                if (message.hostname != null && Object.hasOwnProperty.call(message, "hostname"))
                    object.hostname = message.hostname;
                if (message.resources != null && Object.hasOwnProperty.call(message, "resources"))
                    object.resources = $root.berth.v1.Resources.toObject(message.resources, options, q + 1);
                let keys2;
                if (message.attributes && (keys2 = Object.keys(message.attributes)).length) {
                    object.attributes = {};
                    for (let j = 0; j < keys2.length; ++j) {
                        if (keys2[j] === "__proto__")
                            $util.makeProp(object.attributes, keys2[j]);
                        object.attributes[keys2[j]] = message.attributes[keys2[j]];
                    }
                }
                if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                    object.version = message.version;
                if (message.metricsUrl != null && Object.hasOwnProperty.call(message, "metricsUrl"))
                    object.metricsUrl = message.metricsUrl;
                if (message.startedAtMs != null && Object.hasOwnProperty.call(message, "startedAtMs"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.startedAtMs = typeof message.startedAtMs === "number" ? BigInt(message.startedAtMs) : $util.Long.fromBits(message.startedAtMs.low >>> 0, message.startedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.startedAtMs === "number")
                        object.startedAtMs = options.longs === String ? String(message.startedAtMs) : message.startedAtMs;
                    else
                        object.startedAtMs = options.longs === String ? $util.Long.prototype.toString.call(message.startedAtMs) : options.longs === Number ? new $util.LongBits(message.startedAtMs.low >>> 0, message.startedAtMs.high >>> 0).toNumber() : message.startedAtMs;
                if (message.sealingKey != null && Object.hasOwnProperty.call(message, "sealingKey"))
                    object.sealingKey = options.bytes === String ? $util.base64.encode(message.sealingKey, 0, message.sealingKey.length) : options.bytes === Array ? Array.prototype.slice.call(message.sealingKey) : message.sealingKey;
                return object;
            };

            /**
             * Converts this AgentRegistration to JSON.
             * @function toJSON
             * @memberof berth.v1.AgentRegistration
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AgentRegistration.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AgentRegistration;
        })();

        v1.AgentRegistrationReply = (function() {

            /**
             * Properties of an AgentRegistrationReply.
             * @memberof berth.v1
             * @interface IAgentRegistrationReply
             * @property {boolean|null} [accepted] AgentRegistrationReply accepted
             * @property {berth.v1.IErrorData|null} [error] AgentRegistrationReply error
             */

            /**
             * Constructs a new AgentRegistrationReply.
             * @memberof berth.v1
             * @classdesc Represents an AgentRegistrationReply.
             * @implements IAgentRegistrationReply
             * @constructor
             * @param {berth.v1.IAgentRegistrationReply=} [properties] Properties to set
             */
            function AgentRegistrationReply(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * AgentRegistrationReply accepted.
             * @member {boolean} accepted
             * @memberof berth.v1.AgentRegistrationReply
             * @instance
             */
            AgentRegistrationReply.prototype.accepted = false;

            /**
             * AgentRegistrationReply error.
             * @member {berth.v1.IErrorData|null|undefined} error
             * @memberof berth.v1.AgentRegistrationReply
             * @instance
             */
            AgentRegistrationReply.prototype.error = null;

            /**
             * Creates a new AgentRegistrationReply instance using the specified properties.
             * @function create
             * @memberof berth.v1.AgentRegistrationReply
             * @static
             * @param {berth.v1.IAgentRegistrationReply=} [properties] Properties to set
             * @returns {berth.v1.AgentRegistrationReply} AgentRegistrationReply instance
             */
            AgentRegistrationReply.create = function create(properties) {
                return new AgentRegistrationReply(properties);
            };

            /**
             * Encodes the specified AgentRegistrationReply message. Does not implicitly {@link berth.v1.AgentRegistrationReply.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.AgentRegistrationReply
             * @static
             * @param {berth.v1.IAgentRegistrationReply} message AgentRegistrationReply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AgentRegistrationReply.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.accepted != null && Object.hasOwnProperty.call(message, "accepted"))
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.accepted);
                if (message.error != null && Object.hasOwnProperty.call(message, "error"))
                    $root.berth.v1.ErrorData.encode(message.error, writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes an AgentRegistrationReply message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.AgentRegistrationReply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.AgentRegistrationReply} AgentRegistrationReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AgentRegistrationReply.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.AgentRegistrationReply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.accepted = reader.bool();
                            break;
                        }
                    case 2: {
                            message.error = $root.berth.v1.ErrorData.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates an AgentRegistrationReply message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.AgentRegistrationReply
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.AgentRegistrationReply} AgentRegistrationReply
             */
            AgentRegistrationReply.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.AgentRegistrationReply)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.AgentRegistrationReply: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.AgentRegistrationReply();
                if (object.accepted != null)
                    message.accepted = Boolean(object.accepted);
                if (object.error != null) {
                    if (!$util.isObject(object.error))
                        throw TypeError(".berth.v1.AgentRegistrationReply.error: object expected");
                    message.error = $root.berth.v1.ErrorData.fromObject(object.error, long + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an AgentRegistrationReply message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.AgentRegistrationReply
             * @static
             * @param {berth.v1.AgentRegistrationReply} message AgentRegistrationReply
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AgentRegistrationReply.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.accepted = false;
                    object.error = null;
                }
                if (message.accepted != null && Object.hasOwnProperty.call(message, "accepted"))
                    object.accepted = message.accepted;
                if (message.error != null && Object.hasOwnProperty.call(message, "error"))
                    object.error = $root.berth.v1.ErrorData.toObject(message.error, options, q + 1);
                return object;
            };

            /**
             * Converts this AgentRegistrationReply to JSON.
             * @function toJSON
             * @memberof berth.v1.AgentRegistrationReply
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AgentRegistrationReply.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AgentRegistrationReply;
        })();

        v1.AgentHeartbeat = (function() {

            /**
             * Properties of an AgentHeartbeat.
             * @memberof berth.v1
             * @interface IAgentHeartbeat
             * @property {string|null} [agentId] AgentHeartbeat agentId
             * @property {number|null} [sentAtMs] AgentHeartbeat sentAtMs
             * @property {boolean|null} [healthy] AgentHeartbeat healthy
             * @property {string|null} [healthMessage] AgentHeartbeat healthMessage
             * @property {number|null} [runningTasks] AgentHeartbeat runningTasks
             */

            /**
             * Constructs a new AgentHeartbeat.
             * @memberof berth.v1
             * @classdesc Represents an AgentHeartbeat.
             * @implements IAgentHeartbeat
             * @constructor
             * @param {berth.v1.IAgentHeartbeat=} [properties] Properties to set
             */
            function AgentHeartbeat(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * AgentHeartbeat agentId.
             * @member {string} agentId
             * @memberof berth.v1.AgentHeartbeat
             * @instance
             */
            AgentHeartbeat.prototype.agentId = "";

            /**
             * AgentHeartbeat sentAtMs.
             * @member {number} sentAtMs
             * @memberof berth.v1.AgentHeartbeat
             * @instance
             */
            AgentHeartbeat.prototype.sentAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * AgentHeartbeat healthy.
             * @member {boolean} healthy
             * @memberof berth.v1.AgentHeartbeat
             * @instance
             */
            AgentHeartbeat.prototype.healthy = false;

            /**
             * AgentHeartbeat healthMessage.
             * @member {string} healthMessage
             * @memberof berth.v1.AgentHeartbeat
             * @instance
             */
            AgentHeartbeat.prototype.healthMessage = "";

            /**
             * AgentHeartbeat runningTasks.
             * @member {number} runningTasks
             * @memberof berth.v1.AgentHeartbeat
             * @instance
             */
            AgentHeartbeat.prototype.runningTasks = 0;

            /**
             * Creates a new AgentHeartbeat instance using the specified properties.
             * @function create
             * @memberof berth.v1.AgentHeartbeat
             * @static
             * @param {berth.v1.IAgentHeartbeat=} [properties] Properties to set
             * @returns {berth.v1.AgentHeartbeat} AgentHeartbeat instance
             */
            AgentHeartbeat.create = function create(properties) {
                return new AgentHeartbeat(properties);
            };

            /**
             * Encodes the specified AgentHeartbeat message. Does not implicitly {@link berth.v1.AgentHeartbeat.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.AgentHeartbeat
             * @static
             * @param {berth.v1.IAgentHeartbeat} message AgentHeartbeat message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AgentHeartbeat.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.agentId != null && Object.hasOwnProperty.call(message, "agentId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.agentId);
                if (message.sentAtMs != null && Object.hasOwnProperty.call(message, "sentAtMs"))
                    writer.uint32(/* id 2, wireType 0 =*/16).int64(message.sentAtMs);
                if (message.healthy != null && Object.hasOwnProperty.call(message, "healthy"))
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.healthy);
                if (message.healthMessage != null && Object.hasOwnProperty.call(message, "healthMessage"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.healthMessage);
                if (message.runningTasks != null && Object.hasOwnProperty.call(message, "runningTasks"))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.runningTasks);
                return writer;
            };

            /**
             * Decodes an AgentHeartbeat message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.AgentHeartbeat
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.AgentHeartbeat} AgentHeartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AgentHeartbeat.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.AgentHeartbeat();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.agentId = reader.string();
                            break;
                        }
                    case 2: {
                            message.sentAtMs = reader.int64();
                            break;
                        }
                    case 3: {
                            message.healthy = reader.bool();
                            break;
                        }
                    case 4: {
                            message.healthMessage = reader.string();
                            break;
                        }
                    case 5: {
                            message.runningTasks = reader.uint32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates an AgentHeartbeat message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.AgentHeartbeat
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.AgentHeartbeat} AgentHeartbeat
             */
            AgentHeartbeat.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.AgentHeartbeat)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.AgentHeartbeat: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.AgentHeartbeat();
                if (object.agentId != null)
                    message.agentId = String(object.agentId);
                if (object.sentAtMs != null)
                    if ($util.Long)
                        message.sentAtMs = $util.Long.fromValue(object.sentAtMs, false);
                    else if (typeof object.sentAtMs === "string")
                        message.sentAtMs = parseInt(object.sentAtMs, 10);
                    else if (typeof object.sentAtMs === "number")
                        message.sentAtMs = object.sentAtMs;
                    else if (typeof object.sentAtMs === "object")
                        message.sentAtMs = new $util.LongBits(object.sentAtMs.low >>> 0, object.sentAtMs.high >>> 0).toNumber();
                if (object.healthy != null)
                    message.healthy = Boolean(object.healthy);
                if (object.healthMessage != null)
                    message.healthMessage = String(object.healthMessage);
                if (object.runningTasks != null)
                    message.runningTasks = object.runningTasks >>> 0;
                return message;
            };

            /**
             * Creates a plain object from an AgentHeartbeat message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.AgentHeartbeat
             * @static
             * @param {berth.v1.AgentHeartbeat} message AgentHeartbeat
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AgentHeartbeat.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.agentId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.sentAtMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.sentAtMs = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    object.healthy = false;
                    object.healthMessage = "";
                    object.runningTasks = 0;
                }
                if (message.agentId != null && Object.hasOwnProperty.call(message, "agentId"))
                    object.agentId = message.agentId;
                if (message.sentAtMs != null && Object.hasOwnProperty.call(message, "sentAtMs"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.sentAtMs = typeof message.sentAtMs === "number" ? BigInt(message.sentAtMs) : $util.Long.fromBits(message.sentAtMs.low >>> 0, message.sentAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.sentAtMs === "number")
                        object.sentAtMs = options.longs === String ? String(message.sentAtMs) : message.sentAtMs;
                    else
                        object.sentAtMs = options.longs === String ? $util.Long.prototype.toString.call(message.sentAtMs) : options.longs === Number ? new $util.LongBits(message.sentAtMs.low >>> 0, message.sentAtMs.high >>> 0).toNumber() : message.sentAtMs;
                if (message.healthy != null && Object.hasOwnProperty.call(message, "healthy"))
                    object.healthy = message.healthy;
                if (message.healthMessage != null && Object.hasOwnProperty.call(message, "healthMessage"))
                    object.healthMessage = message.healthMessage;
                if (message.runningTasks != null && Object.hasOwnProperty.call(message, "runningTasks"))
                    object.runningTasks = message.runningTasks;
                return object;
            };

            /**
             * Converts this AgentHeartbeat to JSON.
             * @function toJSON
             * @memberof berth.v1.AgentHeartbeat
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AgentHeartbeat.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AgentHeartbeat;
        })();

        v1.AgentUsage = (function() {

            /**
             * Properties of an AgentUsage.
             * @memberof berth.v1
             * @interface IAgentUsage
             * @property {string|null} [agentId] AgentUsage agentId
             * @property {number|null} [collectedAtMs] AgentUsage collectedAtMs
             * @property {Array.<berth.v1.ITaskUsage>|null} [tasks] AgentUsage tasks
             */

            /**
             * Constructs a new AgentUsage.
             * @memberof berth.v1
             * @classdesc Represents an AgentUsage.
             * @implements IAgentUsage
             * @constructor
             * @param {berth.v1.IAgentUsage=} [properties] Properties to set
             */
            function AgentUsage(properties) {
                this.tasks = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * AgentUsage agentId.
             * @member {string} agentId
             * @memberof berth.v1.AgentUsage
             * @instance
             */
            AgentUsage.prototype.agentId = "";

            /**
             * AgentUsage collectedAtMs.
             * @member {number} collectedAtMs
             * @memberof berth.v1.AgentUsage
             * @instance
             */
            AgentUsage.prototype.collectedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * AgentUsage tasks.
             * @member {Array.<berth.v1.ITaskUsage>} tasks
             * @memberof berth.v1.AgentUsage
             * @instance
             */
            AgentUsage.prototype.tasks = $util.emptyArray;

            /**
             * Creates a new AgentUsage instance using the specified properties.
             * @function create
             * @memberof berth.v1.AgentUsage
             * @static
             * @param {berth.v1.IAgentUsage=} [properties] Properties to set
             * @returns {berth.v1.AgentUsage} AgentUsage instance
             */
            AgentUsage.create = function create(properties) {
                return new AgentUsage(properties);
            };

            /**
             * Encodes the specified AgentUsage message. Does not implicitly {@link berth.v1.AgentUsage.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.AgentUsage
             * @static
             * @param {berth.v1.IAgentUsage} message AgentUsage message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AgentUsage.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.agentId != null && Object.hasOwnProperty.call(message, "agentId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.agentId);
                if (message.collectedAtMs != null && Object.hasOwnProperty.call(message, "collectedAtMs"))
                    writer.uint32(/* id 2, wireType 0 =*/16).int64(message.collectedAtMs);
                if (message.tasks != null && message.tasks.length)
                    for (let i = 0; i < message.tasks.length; ++i)
                        $root.berth.v1.TaskUsage.encode(message.tasks[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes an AgentUsage message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.AgentUsage
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.AgentUsage} AgentUsage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AgentUsage.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.AgentUsage();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.agentId = reader.string();
                            break;
                        }
                    case 2: {
                            message.collectedAtMs = reader.int64();
                            break;
                        }
                    case 3: {
                            if (!(message.tasks && message.tasks.length))
                                message.tasks = [];
                            message.tasks.push($root.berth.v1.TaskUsage.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates an AgentUsage message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.AgentUsage
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.AgentUsage} AgentUsage
             */
            AgentUsage.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.AgentUsage)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.AgentUsage: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.AgentUsage();
                if (object.agentId != null)
                    message.agentId = String(object.agentId);
                if (object.collectedAtMs != null)
                    if ($util.Long)
                        message.collectedAtMs = $util.Long.fromValue(object.collectedAtMs, false);
                    else if (typeof object.collectedAtMs === "string")
                        message.collectedAtMs = parseInt(object.collectedAtMs, 10);
                    else if (typeof object.collectedAtMs === "number")
                        message.collectedAtMs = object.collectedAtMs;
                    else if (typeof object.collectedAtMs === "object")
                        message.collectedAtMs = new $util.LongBits(object.collectedAtMs.low >>> 0, object.collectedAtMs.high >>> 0).toNumber();
                if (object.tasks) {
                    if (!Array.isArray(object.tasks))
                        throw TypeError(".berth.v1.AgentUsage.tasks: array expected");
                    message.tasks = [];
                    for (let i = 0; i < object.tasks.length; ++i) {
                        if (!$util.isObject(object.tasks[i]))
                            throw TypeError(".berth.v1.AgentUsage.tasks: object expected");
                        message.tasks[i] = $root.berth.v1.TaskUsage.fromObject(object.tasks[i], long + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from an AgentUsage message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.AgentUsage
             * @static
             * @param {berth.v1.AgentUsage} message AgentUsage
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AgentUsage.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.tasks = [];
                if (options.defaults) {
                    object.agentId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.collectedAtMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.collectedAtMs = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                }
                if (message.agentId != null && Object.hasOwnProperty.call(message, "agentId"))
                    object.agentId = message.agentId;
                if (message.collectedAtMs != null && Object.hasOwnProperty.call(message, "collectedAtMs"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.collectedAtMs = typeof message.collectedAtMs === "number" ? BigInt(message.collectedAtMs) : $util.Long.fromBits(message.collectedAtMs.low >>> 0, message.collectedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.collectedAtMs === "number")
                        object.collectedAtMs = options.longs === String ? String(message.collectedAtMs) : message.collectedAtMs;
                    else
                        object.collectedAtMs = options.longs === String ? $util.Long.prototype.toString.call(message.collectedAtMs) : options.longs === Number ? new $util.LongBits(message.collectedAtMs.low >>> 0, message.collectedAtMs.high >>> 0).toNumber() : message.collectedAtMs;
                if (message.tasks && message.tasks.length) {
                    object.tasks = [];
                    for (let j = 0; j < message.tasks.length; ++j)
                        object.tasks[j] = $root.berth.v1.TaskUsage.toObject(message.tasks[j], options, q + 1);
                }
                return object;
            };

            /**
             * Converts this AgentUsage to JSON.
             * @function toJSON
             * @memberof berth.v1.AgentUsage
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AgentUsage.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AgentUsage;
        })();

        v1.TaskUsage = (function() {

            /**
             * Properties of a TaskUsage.
             * @memberof berth.v1
             * @interface ITaskUsage
             * @property {string|null} [taskId] TaskUsage taskId
             * @property {string|null} [appId] TaskUsage appId
             * @property {number|null} [cpuSeconds] TaskUsage cpuSeconds
             * @property {number|null} [cpuThrottledSeconds] TaskUsage cpuThrottledSeconds
             * @property {number|null} [memoryWorkingSetBytes] TaskUsage memoryWorkingSetBytes
             * @property {number|null} [memoryLimitBytes] TaskUsage memoryLimitBytes
             */

            /**
             * Constructs a new TaskUsage.
             * @memberof berth.v1
             * @classdesc Represents a TaskUsage.
             * @implements ITaskUsage
             * @constructor
             * @param {berth.v1.ITaskUsage=} [properties] Properties to set
             */
            function TaskUsage(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * TaskUsage taskId.
             * @member {string} taskId
             * @memberof berth.v1.TaskUsage
             * @instance
             */
            TaskUsage.prototype.taskId = "";

            /**
             * TaskUsage appId.
             * @member {string} appId
             * @memberof berth.v1.TaskUsage
             * @instance
             */
            TaskUsage.prototype.appId = "";

            /**
             * TaskUsage cpuSeconds.
             * @member {number} cpuSeconds
             * @memberof berth.v1.TaskUsage
             * @instance
             */
            TaskUsage.prototype.cpuSeconds = 0;

            /**
             * TaskUsage cpuThrottledSeconds.
             * @member {number} cpuThrottledSeconds
             * @memberof berth.v1.TaskUsage
             * @instance
             */
            TaskUsage.prototype.cpuThrottledSeconds = 0;

            /**
             * TaskUsage memoryWorkingSetBytes.
             * @member {number} memoryWorkingSetBytes
             * @memberof berth.v1.TaskUsage
             * @instance
             */
            TaskUsage.prototype.memoryWorkingSetBytes = 0;

            /**
             * TaskUsage memoryLimitBytes.
             * @member {number} memoryLimitBytes
             * @memberof berth.v1.TaskUsage
             * @instance
             */
            TaskUsage.prototype.memoryLimitBytes = 0;

            /**
             * Creates a new TaskUsage instance using the specified properties.
             * @function create
             * @memberof berth.v1.TaskUsage
             * @static
             * @param {berth.v1.ITaskUsage=} [properties] Properties to set
             * @returns {berth.v1.TaskUsage} TaskUsage instance
             */
            TaskUsage.create = function create(properties) {
                return new TaskUsage(properties);
            };

            /**
             * Encodes the specified TaskUsage message. Does not implicitly {@link berth.v1.TaskUsage.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.TaskUsage
             * @static
             * @param {berth.v1.ITaskUsage} message TaskUsage message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TaskUsage.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.taskId != null && Object.hasOwnProperty.call(message, "taskId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.taskId);
                if (message.appId != null && Object.hasOwnProperty.call(message, "appId"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.appId);
                if (message.cpuSeconds != null && Object.hasOwnProperty.call(message, "cpuSeconds"))
                    writer.uint32(/* id 3, wireType 1 =*/25).double(message.cpuSeconds);
                if (message.cpuThrottledSeconds != null && Object.hasOwnProperty.call(message, "cpuThrottledSeconds"))
                    writer.uint32(/* id 4, wireType 1 =*/33).double(message.cpuThrottledSeconds);
                if (message.memoryWorkingSetBytes != null && Object.hasOwnProperty.call(message, "memoryWorkingSetBytes"))
                    writer.uint32(/* id 5, wireType 1 =*/41).double(message.memoryWorkingSetBytes);
                if (message.memoryLimitBytes != null && Object.hasOwnProperty.call(message, "memoryLimitBytes"))
                    writer.uint32(/* id 6, wireType 1 =*/49).double(message.memoryLimitBytes);
                return writer;
            };

            /**
             * Decodes a TaskUsage message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.TaskUsage
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.TaskUsage} TaskUsage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TaskUsage.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.TaskUsage();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.taskId = reader.string();
                            break;
                        }
                    case 2: {
                            message.appId = reader.string();
                            break;
                        }
                    case 3: {
                            message.cpuSeconds = reader.double();
                            break;
                        }
                    case 4: {
                            message.cpuThrottledSeconds = reader.double();
                            break;
                        }
                    case 5: {
                            message.memoryWorkingSetBytes = reader.double();
                            break;
                        }
                    case 6: {
                            message.memoryLimitBytes = reader.double();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates a TaskUsage message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.TaskUsage
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.TaskUsage} TaskUsage
             */
            TaskUsage.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.TaskUsage)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.TaskUsage: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.TaskUsage();
                if (object.taskId != null)
                    message.taskId = String(object.taskId);
                if (object.appId != null)
                    message.appId = String(object.appId);
                if (object.cpuSeconds != null)
                    message.cpuSeconds = Number(object.cpuSeconds);
                if (object.cpuThrottledSeconds != null)
                    message.cpuThrottledSeconds = Number(object.cpuThrottledSeconds);
                if (object.memoryWorkingSetBytes != null)
                    message.memoryWorkingSetBytes = Number(object.memoryWorkingSetBytes);
                if (object.memoryLimitBytes != null)
                    message.memoryLimitBytes = Number(object.memoryLimitBytes);
                return message;
            };

            /**
             * Creates a plain object from a TaskUsage message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.TaskUsage
             * @static
             * @param {berth.v1.TaskUsage} message TaskUsage
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TaskUsage.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.taskId = "";
                    object.appId = "";
                    object.cpuSeconds = 0;
                    object.cpuThrottledSeconds = 0;
                    object.memoryWorkingSetBytes = 0;
                    object.memoryLimitBytes = 0;
                }
                if (message.taskId != null && Object.hasOwnProperty.call(message, "taskId"))
                    object.taskId = message.taskId;
                if (message.appId != null && Object.hasOwnProperty.call(message, "appId"))
                    object.appId = message.appId;
                if (message.cpuSeconds != null && Object.hasOwnProperty.call(message, "cpuSeconds"))
                    object.cpuSeconds = options.json && !isFinite(message.cpuSeconds) ? String(message.cpuSeconds) : message.cpuSeconds;
                if (message.cpuThrottledSeconds != null && Object.hasOwnProperty.call(message, "cpuThrottledSeconds"))
                    object.cpuThrottledSeconds = options.json && !isFinite(message.cpuThrottledSeconds) ? String(message.cpuThrottledSeconds) : message.cpuThrottledSeconds;
                if (message.memoryWorkingSetBytes != null && Object.hasOwnProperty.call(message, "memoryWorkingSetBytes"))
                    object.memoryWorkingSetBytes = options.json && !isFinite(message.memoryWorkingSetBytes) ? String(message.memoryWorkingSetBytes) : message.memoryWorkingSetBytes;
                if (message.memoryLimitBytes != null && Object.hasOwnProperty.call(message, "memoryLimitBytes"))
                    object.memoryLimitBytes = options.json && !isFinite(message.memoryLimitBytes) ? String(message.memoryLimitBytes) : message.memoryLimitBytes;
                return object;
            };

            /**
             * Converts this TaskUsage to JSON.
             * @function toJSON
             * @memberof berth.v1.TaskUsage
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TaskUsage.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return TaskUsage;
        })();

        v1.AgentRecord = (function() {

            /**
             * Properties of an AgentRecord.
             * @memberof berth.v1
             * @interface IAgentRecord
             * @property {berth.v1.IAgentRegistration|null} [registration] AgentRecord registration
             * @property {number|null} [registeredAtMs] AgentRecord registeredAtMs
             * @property {number|null} [lastHeartbeatMs] AgentRecord lastHeartbeatMs
             * @property {boolean|null} [healthy] AgentRecord healthy
             * @property {string|null} [healthMessage] AgentRecord healthMessage
             * @property {number|null} [unreachableSinceMs] AgentRecord unreachableSinceMs
             */

            /**
             * Constructs a new AgentRecord.
             * @memberof berth.v1
             * @classdesc Represents an AgentRecord.
             * @implements IAgentRecord
             * @constructor
             * @param {berth.v1.IAgentRecord=} [properties] Properties to set
             */
            function AgentRecord(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * AgentRecord registration.
             * @member {berth.v1.IAgentRegistration|null|undefined} registration
             * @memberof berth.v1.AgentRecord
             * @instance
             */
            AgentRecord.prototype.registration = null;

            /**
             * AgentRecord registeredAtMs.
             * @member {number} registeredAtMs
             * @memberof berth.v1.AgentRecord
             * @instance
             */
            AgentRecord.prototype.registeredAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * AgentRecord lastHeartbeatMs.
             * @member {number} lastHeartbeatMs
             * @memberof berth.v1.AgentRecord
             * @instance
             */
            AgentRecord.prototype.lastHeartbeatMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * AgentRecord healthy.
             * @member {boolean} healthy
             * @memberof berth.v1.AgentRecord
             * @instance
             */
            AgentRecord.prototype.healthy = false;

            /**
             * AgentRecord healthMessage.
             * @member {string} healthMessage
             * @memberof berth.v1.AgentRecord
             * @instance
             */
            AgentRecord.prototype.healthMessage = "";

            /**
             * AgentRecord unreachableSinceMs.
             * @member {number} unreachableSinceMs
             * @memberof berth.v1.AgentRecord
             * @instance
             */
            AgentRecord.prototype.unreachableSinceMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new AgentRecord instance using the specified properties.
             * @function create
             * @memberof berth.v1.AgentRecord
             * @static
             * @param {berth.v1.IAgentRecord=} [properties] Properties to set
             * @returns {berth.v1.AgentRecord} AgentRecord instance
             */
            AgentRecord.create = function create(properties) {
                return new AgentRecord(properties);
            };

            /**
             * Encodes the specified AgentRecord message. Does not implicitly {@link berth.v1.AgentRecord.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.AgentRecord
             * @static
             * @param {berth.v1.IAgentRecord} message AgentRecord message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AgentRecord.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.registration != null && Object.hasOwnProperty.call(message, "registration"))
                    $root.berth.v1.AgentRegistration.encode(message.registration, writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (message.registeredAtMs != null && Object.hasOwnProperty.call(message, "registeredAtMs"))
                    writer.uint32(/* id 2, wireType 0 =*/16).int64(message.registeredAtMs);
                if (message.lastHeartbeatMs != null && Object.hasOwnProperty.call(message, "lastHeartbeatMs"))
                    writer.uint32(/* id 3, wireType 0 =*/24).int64(message.lastHeartbeatMs);
                if (message.healthy != null && Object.hasOwnProperty.call(message, "healthy"))
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.healthy);
                if (message.healthMessage != null && Object.hasOwnProperty.call(message, "healthMessage"))
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.healthMessage);
                if (message.unreachableSinceMs != null && Object.hasOwnProperty.call(message, "unreachableSinceMs"))
                    writer.uint32(/* id 6, wireType 0 =*/48).int64(message.unreachableSinceMs);
                return writer;
            };

            /**
             * Decodes an AgentRecord message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.AgentRecord
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.AgentRecord} AgentRecord
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AgentRecord.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.AgentRecord();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.registration = $root.berth.v1.AgentRegistration.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 2: {
                            message.registeredAtMs = reader.int64();
                            break;
                        }
                    case 3: {
                            message.lastHeartbeatMs = reader.int64();
                            break;
                        }
                    case 4: {
                            message.healthy = reader.bool();
                            break;
                        }
                    case 5: {
                            message.healthMessage = reader.string();
                            break;
                        }
                    case 6: {
                            message.unreachableSinceMs = reader.int64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates an AgentRecord message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.AgentRecord
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.AgentRecord} AgentRecord
             */
            AgentRecord.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.AgentRecord)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.AgentRecord: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.AgentRecord();
                if (object.registration != null) {
                    if (!$util.isObject(object.registration))
                        throw TypeError(".berth.v1.AgentRecord.registration: object expected");
                    message.registration = $root.berth.v1.AgentRegistration.fromObject(object.registration, long + 1);
                }
                if (object.registeredAtMs != null)
                    if ($util.Long)
                        message.registeredAtMs = $util.Long.fromValue(object.registeredAtMs, false);
                    else if (typeof object.registeredAtMs === "string")
                        message.registeredAtMs = parseInt(object.registeredAtMs, 10);
                    else if (typeof object.registeredAtMs === "number")
                        message.registeredAtMs = object.registeredAtMs;
                    else if (typeof object.registeredAtMs === "object")
                        message.registeredAtMs = new $util.LongBits(object.registeredAtMs.low >>> 0, object.registeredAtMs.high >>> 0).toNumber();
                if (object.lastHeartbeatMs != null)
                    if ($util.Long)
                        message.lastHeartbeatMs = $util.Long.fromValue(object.lastHeartbeatMs, false);
                    else if (typeof object.lastHeartbeatMs === "string")
                        message.lastHeartbeatMs = parseInt(object.lastHeartbeatMs, 10);
                    else if (typeof object.lastHeartbeatMs === "number")
                        message.lastHeartbeatMs = object.lastHeartbeatMs;
                    else if (typeof object.lastHeartbeatMs === "object")
                        message.lastHeartbeatMs = new $util.LongBits(object.lastHeartbeatMs.low >>> 0, object.lastHeartbeatMs.high >>> 0).toNumber();
                if (object.healthy != null)
                    message.healthy = Boolean(object.healthy);
                if (object.healthMessage != null)
                    message.healthMessage = String(object.healthMessage);
                if (object.unreachableSinceMs != null)
                    if ($util.Long)
                        message.unreachableSinceMs = $util.Long.fromValue(object.unreachableSinceMs, false);
                    else if (typeof object.unreachableSinceMs === "string")
                        message.unreachableSinceMs = parseInt(object.unreachableSinceMs, 10);
                    else if (typeof object.unreachableSinceMs === "number")
                        message.unreachableSinceMs = object.unreachableSinceMs;
                    else if (typeof object.unreachableSinceMs === "object")
                        message.unreachableSinceMs = new $util.LongBits(object.unreachableSinceMs.low >>> 0, object.unreachableSinceMs.high >>> 0).toNumber();
                return message;
            };

            /**
             * Creates a plain object from an AgentRecord message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.AgentRecord
             * @static
             * @param {berth.v1.AgentRecord} message AgentRecord
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AgentRecord.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.registration = null;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.registeredAtMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.registeredAtMs = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.lastHeartbeatMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.lastHeartbeatMs = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    object.healthy = false;
                    object.healthMessage = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.unreachableSinceMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.unreachableSinceMs = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                }
                if (message.registration != null && Object.hasOwnProperty.call(message, "registration"))
                    object.registration = $root.berth.v1.AgentRegistration.toObject(message.registration, options, q + 1);
                if (message.registeredAtMs != null && Object.hasOwnProperty.call(message, "registeredAtMs"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.registeredAtMs = typeof message.registeredAtMs === "number" ? BigInt(message.registeredAtMs) : $util.Long.fromBits(message.registeredAtMs.low >>> 0, message.registeredAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.registeredAtMs === "number")
                        object.registeredAtMs = options.longs === String ? String(message.registeredAtMs) : message.registeredAtMs;
                    else
                        object.registeredAtMs = options.longs === String ? $util.Long.prototype.toString.call(message.registeredAtMs) : options.longs === Number ? new $util.LongBits(message.registeredAtMs.low >>> 0, message.registeredAtMs.high >>> 0).toNumber() : message.registeredAtMs;
                if (message.lastHeartbeatMs != null && Object.hasOwnProperty.call(message, "lastHeartbeatMs"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.lastHeartbeatMs = typeof message.lastHeartbeatMs === "number" ? BigInt(message.lastHeartbeatMs) : $util.Long.fromBits(message.lastHeartbeatMs.low >>> 0, message.lastHeartbeatMs.high >>> 0, false).toBigInt();
                    else if (typeof message.lastHeartbeatMs === "number")
                        object.lastHeartbeatMs = options.longs === String ? String(message.lastHeartbeatMs) : message.lastHeartbeatMs;
                    else
                        object.lastHeartbeatMs = options.longs === String ? $util.Long.prototype.toString.call(message.lastHeartbeatMs) : options.longs === Number ? new $util.LongBits(message.lastHeartbeatMs.low >>> 0, message.lastHeartbeatMs.high >>> 0).toNumber() : message.lastHeartbeatMs;
                if (message.healthy != null && Object.hasOwnProperty.call(message, "healthy"))
                    object.healthy = message.healthy;
                if (message.healthMessage != null && Object.hasOwnProperty.call(message, "healthMessage"))
                    object.healthMessage = message.healthMessage;
                if (message.unreachableSinceMs != null && Object.hasOwnProperty.call(message, "unreachableSinceMs"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.unreachableSinceMs = typeof message.unreachableSinceMs === "number" ? BigInt(message.unreachableSinceMs) : $util.Long.fromBits(message.unreachableSinceMs.low >>> 0, message.unreachableSinceMs.high >>> 0, false).toBigInt();
                    else if (typeof message.unreachableSinceMs === "number")
                        object.unreachableSinceMs = options.longs === String ? String(message.unreachableSinceMs) : message.unreachableSinceMs;
                    else
                        object.unreachableSinceMs = options.longs === String ? $util.Long.prototype.toString.call(message.unreachableSinceMs) : options.longs === Number ? new $util.LongBits(message.unreachableSinceMs.low >>> 0, message.unreachableSinceMs.high >>> 0).toNumber() : message.unreachableSinceMs;
                return object;
            };

            /**
             * Converts this AgentRecord to JSON.
             * @function toJSON
             * @memberof berth.v1.AgentRecord
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AgentRecord.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AgentRecord;
        })();

        v1.PortRange = (function() {

            /**
             * Properties of a PortRange.
             * @memberof berth.v1
             * @interface IPortRange
             * @property {number|null} [begin] PortRange begin
             * @property {number|null} [end] PortRange end
             */

            /**
             * Constructs a new PortRange.
             * @memberof berth.v1
             * @classdesc Represents a PortRange.
             * @implements IPortRange
             * @constructor
             * @param {berth.v1.IPortRange=} [properties] Properties to set
             */
            function PortRange(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * PortRange begin.
             * @member {number} begin
             * @memberof berth.v1.PortRange
             * @instance
             */
            PortRange.prototype.begin = 0;

            /**
             * PortRange end.
             * @member {number} end
             * @memberof berth.v1.PortRange
             * @instance
             */
            PortRange.prototype.end = 0;

            /**
             * Creates a new PortRange instance using the specified properties.
             * @function create
             * @memberof berth.v1.PortRange
             * @static
             * @param {berth.v1.IPortRange=} [properties] Properties to set
             * @returns {berth.v1.PortRange} PortRange instance
             */
            PortRange.create = function create(properties) {
                return new PortRange(properties);
            };

            /**
             * Encodes the specified PortRange message. Does not implicitly {@link berth.v1.PortRange.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.PortRange
             * @static
             * @param {berth.v1.IPortRange} message PortRange message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PortRange.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.begin != null && Object.hasOwnProperty.call(message, "begin"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.begin);
                if (message.end != null && Object.hasOwnProperty.call(message, "end"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.end);
                return writer;
            };

            /**
             * Decodes a PortRange message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.PortRange
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.PortRange} PortRange
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PortRange.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.PortRange();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.begin = reader.uint32();
                            break;
                        }
                    case 2: {
                            message.end = reader.uint32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates a PortRange message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.PortRange
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.PortRange} PortRange
             */
            PortRange.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.PortRange)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.PortRange: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.PortRange();
                if (object.begin != null)
                    message.begin = object.begin >>> 0;
                if (object.end != null)
                    message.end = object.end >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a PortRange message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.PortRange
             * @static
             * @param {berth.v1.PortRange} message PortRange
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PortRange.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.begin = 0;
                    object.end = 0;
                }
                if (message.begin != null && Object.hasOwnProperty.call(message, "begin"))
                    object.begin = message.begin;
                if (message.end != null && Object.hasOwnProperty.call(message, "end"))
                    object.end = message.end;
                return object;
            };

            /**
             * Converts this PortRange to JSON.
             * @function toJSON
             * @memberof berth.v1.PortRange
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PortRange.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return PortRange;
        })();

        v1.Resources = (function() {

            /**
             * Properties of a Resources.
             * @memberof berth.v1
             * @interface IResources
             * @property {number|null} [cpus] Resources cpus
             * @property {number|null} [mem] Resources mem
             * @property {number|null} [disk] Resources disk
             * @property {Array.<berth.v1.IPortRange>|null} [ports] Resources ports
             */

            /**
             * Constructs a new Resources.
             * @memberof berth.v1
             * @classdesc Represents a Resources.
             * @implements IResources
             * @constructor
             * @param {berth.v1.IResources=} [properties] Properties to set
             */
            function Resources(properties) {
                this.ports = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Resources cpus.
             * @member {number} cpus
             * @memberof berth.v1.Resources
             * @instance
             */
            Resources.prototype.cpus = 0;

            /**
             * Resources mem.
             * @member {number} mem
             * @memberof berth.v1.Resources
             * @instance
             */
            Resources.prototype.mem = 0;

            /**
             * Resources disk.
             * @member {number} disk
             * @memberof berth.v1.Resources
             * @instance
             */
            Resources.prototype.disk = 0;

            /**
             * Resources ports.
             * @member {Array.<berth.v1.IPortRange>} ports
             * @memberof berth.v1.Resources
             * @instance
             */
            Resources.prototype.ports = $util.emptyArray;

            /**
             * Creates a new Resources instance using the specified properties.
             * @function create
             * @memberof berth.v1.Resources
             * @static
             * @param {berth.v1.IResources=} [properties] Properties to set
             * @returns {berth.v1.Resources} Resources instance
             */
            Resources.create = function create(properties) {
                return new Resources(properties);
            };

            /**
             * Encodes the specified Resources message. Does not implicitly {@link berth.v1.Resources.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.Resources
             * @static
             * @param {berth.v1.IResources} message Resources message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Resources.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.cpus != null && Object.hasOwnProperty.call(message, "cpus"))
                    writer.uint32(/* id 1, wireType 1 =*/9).double(message.cpus);
                if (message.mem != null && Object.hasOwnProperty.call(message, "mem"))
                    writer.uint32(/* id 2, wireType 1 =*/17).double(message.mem);
                if (message.disk != null && Object.hasOwnProperty.call(message, "disk"))
                    writer.uint32(/* id 3, wireType 1 =*/25).double(message.disk);
                if (message.ports != null && message.ports.length)
                    for (let i = 0; i < message.ports.length; ++i)
                        $root.berth.v1.PortRange.encode(message.ports[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a Resources message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.Resources
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.Resources} Resources
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Resources.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.Resources();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.cpus = reader.double();
                            break;
                        }
                    case 2: {
                            message.mem = reader.double();
                            break;
                        }
                    case 3: {
                            message.disk = reader.double();
                            break;
                        }
                    case 4: {
                            if (!(message.ports && message.ports.length))
                                message.ports = [];
                            message.ports.push($root.berth.v1.PortRange.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates a Resources message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.Resources
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.Resources} Resources
             */
            Resources.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.Resources)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.Resources: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.Resources();
                if (object.cpus != null)
                    message.cpus = Number(object.cpus);
                if (object.mem != null)
                    message.mem = Number(object.mem);
                if (object.disk != null)
                    message.disk = Number(object.disk);
                if (object.ports) {
                    if (!Array.isArray(object.ports))
                        throw TypeError(".berth.v1.Resources.ports: array expected");
                    message.ports = [];
                    for (let i = 0; i < object.ports.length; ++i) {
                        if (!$util.isObject(object.ports[i]))
                            throw TypeError(".berth.v1.Resources.ports: object expected");
                        message.ports[i] = $root.berth.v1.PortRange.fromObject(object.ports[i], long + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a Resources message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.Resources
             * @static
             * @param {berth.v1.Resources} message Resources
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Resources.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.ports = [];
                if (options.defaults) {
                    object.cpus = 0;
                    object.mem = 0;
                    object.disk = 0;
                }
                if (message.cpus != null && Object.hasOwnProperty.call(message, "cpus"))
                    object.cpus = options.json && !isFinite(message.cpus) ? String(message.cpus) : message.cpus;
                if (message.mem != null && Object.hasOwnProperty.call(message, "mem"))
                    object.mem = options.json && !isFinite(message.mem) ? String(message.mem) : message.mem;
                if (message.disk != null && Object.hasOwnProperty.call(message, "disk"))
                    object.disk = options.json && !isFinite(message.disk) ? String(message.disk) : message.disk;
                if (message.ports && message.ports.length) {
                    object.ports = [];
                    for (let j = 0; j < message.ports.length; ++j)
                        object.ports[j] = $root.berth.v1.PortRange.toObject(message.ports[j], options, q + 1);
                }
                return object;
            };

            /**
             * Converts this Resources to JSON.
             * @function toJSON
             * @memberof berth.v1.Resources
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Resources.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Resources;
        })();

        v1.ErrorData = (function() {

            /**
             * Properties of an ErrorData.
             * @memberof berth.v1
             * @interface IErrorData
             * @property {string|null} [code] ErrorData code
             * @property {string|null} [message] ErrorData message
             * @property {boolean|null} [retryable] ErrorData retryable
             */

            /**
             * Constructs a new ErrorData.
             * @memberof berth.v1
             * @classdesc Represents an ErrorData.
             * @implements IErrorData
             * @constructor
             * @param {berth.v1.IErrorData=} [properties] Properties to set
             */
            function ErrorData(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ErrorData code.
             * @member {string} code
             * @memberof berth.v1.ErrorData
             * @instance
             */
            ErrorData.prototype.code = "";

            /**
             * ErrorData message.
             * @member {string} message
             * @memberof berth.v1.ErrorData
             * @instance
             */
            ErrorData.prototype.message = "";

            /**
             * ErrorData retryable.
             * @member {boolean} retryable
             * @memberof berth.v1.ErrorData
             * @instance
             */
            ErrorData.prototype.retryable = false;

            /**
             * Creates a new ErrorData instance using the specified properties.
             * @function create
             * @memberof berth.v1.ErrorData
             * @static
             * @param {berth.v1.IErrorData=} [properties] Properties to set
             * @returns {berth.v1.ErrorData} ErrorData instance
             */
            ErrorData.create = function create(properties) {
                return new ErrorData(properties);
            };

            /**
             * Encodes the specified ErrorData message. Does not implicitly {@link berth.v1.ErrorData.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.ErrorData
             * @static
             * @param {berth.v1.IErrorData} message ErrorData message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ErrorData.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.code != null && Object.hasOwnProperty.call(message, "code"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.code);
                if (message.message != null && Object.hasOwnProperty.call(message, "message"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
                if (message.retryable != null && Object.hasOwnProperty.call(message, "retryable"))
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.retryable);
                return writer;
            };

            /**
             * Decodes an ErrorData message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.ErrorData
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.ErrorData} ErrorData
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ErrorData.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.ErrorData();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.code = reader.string();
                            break;
                        }
                    case 2: {
                            message.message = reader.string();
                            break;
                        }
                    case 3: {
                            message.retryable = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates an ErrorData message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.ErrorData
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.ErrorData} ErrorData
             */
            ErrorData.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.ErrorData)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.ErrorData: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.ErrorData();
                if (object.code != null)
                    message.code = String(object.code);
                if (object.message != null)
                    message.message = String(object.message);
                if (object.retryable != null)
                    message.retryable = Boolean(object.retryable);
                return message;
            };

            /**
             * Creates a plain object from an ErrorData message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.ErrorData
             * @static
             * @param {berth.v1.ErrorData} message ErrorData
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ErrorData.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.code = "";
                    object.message = "";
                    object.retryable = false;
                }
                if (message.code != null && Object.hasOwnProperty.call(message, "code"))
                    object.code = message.code;
                if (message.message != null && Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                if (message.retryable != null && Object.hasOwnProperty.call(message, "retryable"))
                    object.retryable = message.retryable;
                return object;
            };

            /**
             * Converts this ErrorData to JSON.
             * @function toJSON
             * @memberof berth.v1.ErrorData
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ErrorData.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ErrorData;
        })();

        v1.LogRequest = (function() {

            /**
             * Properties of a LogRequest.
             * @memberof berth.v1
             * @interface ILogRequest
             * @property {string|null} [taskId] LogRequest taskId
             * @property {number|null} [tailLines] LogRequest tailLines
             * @property {boolean|null} [follow] LogRequest follow
             * @property {boolean|null} [stdout] LogRequest stdout
             * @property {boolean|null} [stderr] LogRequest stderr
             * @property {string|null} [streamId] LogRequest streamId
             */

            /**
             * Constructs a new LogRequest.
             * @memberof berth.v1
             * @classdesc Represents a LogRequest.
             * @implements ILogRequest
             * @constructor
             * @param {berth.v1.ILogRequest=} [properties] Properties to set
             */
            function LogRequest(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * LogRequest taskId.
             * @member {string} taskId
             * @memberof berth.v1.LogRequest
             * @instance
             */
            LogRequest.prototype.taskId = "";

            /**
             * LogRequest tailLines.
             * @member {number} tailLines
             * @memberof berth.v1.LogRequest
             * @instance
             */
            LogRequest.prototype.tailLines = 0;

            /**
             * LogRequest follow.
             * @member {boolean} follow
             * @memberof berth.v1.LogRequest
             * @instance
             */
            LogRequest.prototype.follow = false;

            /**
             * LogRequest stdout.
             * @member {boolean} stdout
             * @memberof berth.v1.LogRequest
             * @instance
             */
            LogRequest.prototype.stdout = false;

            /**
             * LogRequest stderr.
             * @member {boolean} stderr
             * @memberof berth.v1.LogRequest
             * @instance
             */
            LogRequest.prototype.stderr = false;

            /**
             * LogRequest streamId.
             * @member {string} streamId
             * @memberof berth.v1.LogRequest
             * @instance
             */
            LogRequest.prototype.streamId = "";

            /**
             * Creates a new LogRequest instance using the specified properties.
             * @function create
             * @memberof berth.v1.LogRequest
             * @static
             * @param {berth.v1.ILogRequest=} [properties] Properties to set
             * @returns {berth.v1.LogRequest} LogRequest instance
             */
            LogRequest.create = function create(properties) {
                return new LogRequest(properties);
            };

            /**
             * Encodes the specified LogRequest message. Does not implicitly {@link berth.v1.LogRequest.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.LogRequest
             * @static
             * @param {berth.v1.ILogRequest} message LogRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LogRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.taskId != null && Object.hasOwnProperty.call(message, "taskId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.taskId);
                if (message.tailLines != null && Object.hasOwnProperty.call(message, "tailLines"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.tailLines);
                if (message.follow != null && Object.hasOwnProperty.call(message, "follow"))
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.follow);
                if (message.stdout != null && Object.hasOwnProperty.call(message, "stdout"))
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.stdout);
                if (message.stderr != null && Object.hasOwnProperty.call(message, "stderr"))
                    writer.uint32(/* id 5, wireType 0 =*/40).bool(message.stderr);
                if (message.streamId != null && Object.hasOwnProperty.call(message, "streamId"))
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.streamId);
                return writer;
            };

            /**
             * Decodes a LogRequest message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.LogRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.LogRequest} LogRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LogRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.LogRequest();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.taskId = reader.string();
                            break;
                        }
                    case 2: {
                            message.tailLines = reader.uint32();
                            break;
                        }
                    case 3: {
                            message.follow = reader.bool();
                            break;
                        }
                    case 4: {
                            message.stdout = reader.bool();
                            break;
                        }
                    case 5: {
                            message.stderr = reader.bool();
                            break;
                        }
                    case 7: {
                            message.streamId = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates a LogRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.LogRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.LogRequest} LogRequest
             */
            LogRequest.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.LogRequest)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.LogRequest: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.LogRequest();
                if (object.taskId != null)
                    message.taskId = String(object.taskId);
                if (object.tailLines != null)
                    message.tailLines = object.tailLines >>> 0;
                if (object.follow != null)
                    message.follow = Boolean(object.follow);
                if (object.stdout != null)
                    message.stdout = Boolean(object.stdout);
                if (object.stderr != null)
                    message.stderr = Boolean(object.stderr);
                if (object.streamId != null)
                    message.streamId = String(object.streamId);
                return message;
            };

            /**
             * Creates a plain object from a LogRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.LogRequest
             * @static
             * @param {berth.v1.LogRequest} message LogRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            LogRequest.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.taskId = "";
                    object.tailLines = 0;
                    object.follow = false;
                    object.stdout = false;
                    object.stderr = false;
                    object.streamId = "";
                }
                if (message.taskId != null && Object.hasOwnProperty.call(message, "taskId"))
                    object.taskId = message.taskId;
                if (message.tailLines != null && Object.hasOwnProperty.call(message, "tailLines"))
                    object.tailLines = message.tailLines;
                if (message.follow != null && Object.hasOwnProperty.call(message, "follow"))
                    object.follow = message.follow;
                if (message.stdout != null && Object.hasOwnProperty.call(message, "stdout"))
                    object.stdout = message.stdout;
                if (message.stderr != null && Object.hasOwnProperty.call(message, "stderr"))
                    object.stderr = message.stderr;
                if (message.streamId != null && Object.hasOwnProperty.call(message, "streamId"))
                    object.streamId = message.streamId;
                return object;
            };

            /**
             * Converts this LogRequest to JSON.
             * @function toJSON
             * @memberof berth.v1.LogRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            LogRequest.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return LogRequest;
        })();

        v1.LogChunk = (function() {

            /**
             * Properties of a LogChunk.
             * @memberof berth.v1
             * @interface ILogChunk
             * @property {Uint8Array|null} [data] LogChunk data
             * @property {string|null} [stream] LogChunk stream
             * @property {boolean|null} [eof] LogChunk eof
             * @property {berth.v1.IErrorData|null} [error] LogChunk error
             */

            /**
             * Constructs a new LogChunk.
             * @memberof berth.v1
             * @classdesc Represents a LogChunk.
             * @implements ILogChunk
             * @constructor
             * @param {berth.v1.ILogChunk=} [properties] Properties to set
             */
            function LogChunk(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * LogChunk data.
             * @member {Uint8Array} data
             * @memberof berth.v1.LogChunk
             * @instance
             */
            LogChunk.prototype.data = $util.newBuffer([]);

            /**
             * LogChunk stream.
             * @member {string} stream
             * @memberof berth.v1.LogChunk
             * @instance
             */
            LogChunk.prototype.stream = "";

            /**
             * LogChunk eof.
             * @member {boolean} eof
             * @memberof berth.v1.LogChunk
             * @instance
             */
            LogChunk.prototype.eof = false;

            /**
             * LogChunk error.
             * @member {berth.v1.IErrorData|null|undefined} error
             * @memberof berth.v1.LogChunk
             * @instance
             */
            LogChunk.prototype.error = null;

            /**
             * Creates a new LogChunk instance using the specified properties.
             * @function create
             * @memberof berth.v1.LogChunk
             * @static
             * @param {berth.v1.ILogChunk=} [properties] Properties to set
             * @returns {berth.v1.LogChunk} LogChunk instance
             */
            LogChunk.create = function create(properties) {
                return new LogChunk(properties);
            };

            /**
             * Encodes the specified LogChunk message. Does not implicitly {@link berth.v1.LogChunk.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.LogChunk
             * @static
             * @param {berth.v1.ILogChunk} message LogChunk message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LogChunk.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.data != null && Object.hasOwnProperty.call(message, "data"))
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.data);
                if (message.stream != null && Object.hasOwnProperty.call(message, "stream"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.stream);
                if (message.eof != null && Object.hasOwnProperty.call(message, "eof"))
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.eof);
                if (message.error != null && Object.hasOwnProperty.call(message, "error"))
                    $root.berth.v1.ErrorData.encode(message.error, writer.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a LogChunk message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.LogChunk
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.LogChunk} LogChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LogChunk.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.LogChunk();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.data = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.stream = reader.string();
                            break;
                        }
                    case 3: {
                            message.eof = reader.bool();
                            break;
                        }
                    case 4: {
                            message.error = $root.berth.v1.ErrorData.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates a LogChunk message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.LogChunk
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.LogChunk} LogChunk
             */
            LogChunk.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.LogChunk)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.LogChunk: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.LogChunk();
                if (object.data != null)
                    if (typeof object.data === "string")
                        $util.base64.decode(object.data, message.data = $util.newBuffer($util.base64.length(object.data)), 0);
                    else if (object.data.length >= 0)
                        message.data = object.data;
                if (object.stream != null)
                    message.stream = String(object.stream);
                if (object.eof != null)
                    message.eof = Boolean(object.eof);
                if (object.error != null) {
                    if (!$util.isObject(object.error))
                        throw TypeError(".berth.v1.LogChunk.error: object expected");
                    message.error = $root.berth.v1.ErrorData.fromObject(object.error, long + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a LogChunk message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.LogChunk
             * @static
             * @param {berth.v1.LogChunk} message LogChunk
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            LogChunk.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.data = "";
                    else {
                        object.data = [];
                        if (options.bytes !== Array)
                            object.data = $util.newBuffer(object.data);
                    }
                    object.stream = "";
                    object.eof = false;
                    object.error = null;
                }
                if (message.data != null && Object.hasOwnProperty.call(message, "data"))
                    object.data = options.bytes === String ? $util.base64.encode(message.data, 0, message.data.length) : options.bytes === Array ? Array.prototype.slice.call(message.data) : message.data;
                if (message.stream != null && Object.hasOwnProperty.call(message, "stream"))
                    object.stream = message.stream;
                if (message.eof != null && Object.hasOwnProperty.call(message, "eof"))
                    object.eof = message.eof;
                if (message.error != null && Object.hasOwnProperty.call(message, "error"))
                    object.error = $root.berth.v1.ErrorData.toObject(message.error, options, q + 1);
                return object;
            };

            /**
             * Converts this LogChunk to JSON.
             * @function toJSON
             * @memberof berth.v1.LogChunk
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            LogChunk.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return LogChunk;
        })();

        v1.TaskRequirements = (function() {

            /**
             * Properties of a TaskRequirements.
             * @memberof berth.v1
             * @interface ITaskRequirements
             * @property {string|null} [taskId] TaskRequirements taskId
             * @property {string|null} [appId] TaskRequirements appId
             * @property {number|null} [cpus] TaskRequirements cpus
             * @property {number|null} [mem] TaskRequirements mem
             * @property {number|null} [disk] TaskRequirements disk
             * @property {number|null} [portCount] TaskRequirements portCount
             * @property {Array.<number>|null} [requiredPorts] TaskRequirements requiredPorts
             * @property {Array.<berth.v1.IConstraint>|null} [constraints] TaskRequirements constraints
             * @property {string|null} [network] TaskRequirements network
             * @property {boolean|null} [command] TaskRequirements command
             * @property {string|null} [frameworkId] TaskRequirements frameworkId
             * @property {string|null} [agentId] TaskRequirements agentId
             */

            /**
             * Constructs a new TaskRequirements.
             * @memberof berth.v1
             * @classdesc Represents a TaskRequirements.
             * @implements ITaskRequirements
             * @constructor
             * @param {berth.v1.ITaskRequirements=} [properties] Properties to set
             */
            function TaskRequirements(properties) {
                this.requiredPorts = [];
                this.constraints = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * TaskRequirements taskId.
             * @member {string} taskId
             * @memberof berth.v1.TaskRequirements
             * @instance
             */
            TaskRequirements.prototype.taskId = "";

            /**
             * TaskRequirements appId.
             * @member {string} appId
             * @memberof berth.v1.TaskRequirements
             * @instance
             */
            TaskRequirements.prototype.appId = "";

            /**
             * TaskRequirements cpus.
             * @member {number} cpus
             * @memberof berth.v1.TaskRequirements
             * @instance
             */
            TaskRequirements.prototype.cpus = 0;

            /**
             * TaskRequirements mem.
             * @member {number} mem
             * @memberof berth.v1.TaskRequirements
             * @instance
             */
            TaskRequirements.prototype.mem = 0;

            /**
             * TaskRequirements disk.
             * @member {number} disk
             * @memberof berth.v1.TaskRequirements
             * @instance
             */
            TaskRequirements.prototype.disk = 0;

            /**
             * TaskRequirements portCount.
             * @member {number} portCount
             * @memberof berth.v1.TaskRequirements
             * @instance
             */
            TaskRequirements.prototype.portCount = 0;

            /**
             * TaskRequirements requiredPorts.
             * @member {Array.<number>} requiredPorts
             * @memberof berth.v1.TaskRequirements
             * @instance
             */
            TaskRequirements.prototype.requiredPorts = $util.emptyArray;

            /**
             * TaskRequirements constraints.
             * @member {Array.<berth.v1.IConstraint>} constraints
             * @memberof berth.v1.TaskRequirements
             * @instance
             */
            TaskRequirements.prototype.constraints = $util.emptyArray;

            /**
             * TaskRequirements network.
             * @member {string} network
             * @memberof berth.v1.TaskRequirements
             * @instance
             */
            TaskRequirements.prototype.network = "";

            /**
             * TaskRequirements command.
             * @member {boolean} command
             * @memberof berth.v1.TaskRequirements
             * @instance
             */
            TaskRequirements.prototype.command = false;

            /**
             * TaskRequirements frameworkId.
             * @member {string} frameworkId
             * @memberof berth.v1.TaskRequirements
             * @instance
             */
            TaskRequirements.prototype.frameworkId = "";

            /**
             * TaskRequirements agentId.
             * @member {string} agentId
             * @memberof berth.v1.TaskRequirements
             * @instance
             */
            TaskRequirements.prototype.agentId = "";

            /**
             * Creates a new TaskRequirements instance using the specified properties.
             * @function create
             * @memberof berth.v1.TaskRequirements
             * @static
             * @param {berth.v1.ITaskRequirements=} [properties] Properties to set
             * @returns {berth.v1.TaskRequirements} TaskRequirements instance
             */
            TaskRequirements.create = function create(properties) {
                return new TaskRequirements(properties);
            };

            /**
             * Encodes the specified TaskRequirements message. Does not implicitly {@link berth.v1.TaskRequirements.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.TaskRequirements
             * @static
             * @param {berth.v1.ITaskRequirements} message TaskRequirements message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TaskRequirements.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.taskId != null && Object.hasOwnProperty.call(message, "taskId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.taskId);
                if (message.appId != null && Object.hasOwnProperty.call(message, "appId"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.appId);
                if (message.cpus != null && Object.hasOwnProperty.call(message, "cpus"))
                    writer.uint32(/* id 3, wireType 1 =*/25).double(message.cpus);
                if (message.mem != null && Object.hasOwnProperty.call(message, "mem"))
                    writer.uint32(/* id 4, wireType 1 =*/33).double(message.mem);
                if (message.disk != null && Object.hasOwnProperty.call(message, "disk"))
                    writer.uint32(/* id 5, wireType 1 =*/41).double(message.disk);
                if (message.portCount != null && Object.hasOwnProperty.call(message, "portCount"))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.portCount);
                if (message.requiredPorts != null && message.requiredPorts.length) {
                    writer.uint32(/* id 7, wireType 2 =*/58).fork();
                    for (let i = 0; i < message.requiredPorts.length; ++i)
                        writer.uint32(message.requiredPorts[i]);
                    writer.ldelim();
                }
                if (message.constraints != null && message.constraints.length)
                    for (let i = 0; i < message.constraints.length; ++i)
                        $root.berth.v1.Constraint.encode(message.constraints[i], writer.uint32(/* id 8, wireType 2 =*/66).fork(), q + 1).ldelim();
                if (message.network != null && Object.hasOwnProperty.call(message, "network"))
                    writer.uint32(/* id 9, wireType 2 =*/74).string(message.network);
                if (message.command != null && Object.hasOwnProperty.call(message, "command"))
                    writer.uint32(/* id 10, wireType 0 =*/80).bool(message.command);
                if (message.frameworkId != null && Object.hasOwnProperty.call(message, "frameworkId"))
                    writer.uint32(/* id 11, wireType 2 =*/90).string(message.frameworkId);
                if (message.agentId != null && Object.hasOwnProperty.call(message, "agentId"))
                    writer.uint32(/* id 12, wireType 2 =*/98).string(message.agentId);
                return writer;
            };

            /**
             * Decodes a TaskRequirements message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.TaskRequirements
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.TaskRequirements} TaskRequirements
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TaskRequirements.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.TaskRequirements();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.taskId = reader.string();
                            break;
                        }
                    case 2: {
                            message.appId = reader.string();
                            break;
                        }
                    case 3: {
                            message.cpus = reader.double();
                            break;
                        }
                    case 4: {
                            message.mem = reader.double();
                            break;
                        }
                    case 5: {
                            message.disk = reader.double();
                            break;
                        }
                    case 6: {
                            message.portCount = reader.uint32();
                            break;
                        }
                    case 7: {
                            if (!(message.requiredPorts && message.requiredPorts.length))
                                message.requiredPorts = [];
                            if ((tag & 7) === 2) {
                                let end2 = reader.uint32() + reader.pos;
                                if (end2 > reader.len)
                                    throw RangeError("index out of range");
                                reader.len = end2;
                                while (reader.pos < end2)
                                    message.requiredPorts.push(reader.uint32());
                                if (reader.pos !== end2)
                                    throw RangeError("index out of range");
                                reader.len = end;
                            } else
                                message.requiredPorts.push(reader.uint32());
                            break;
                        }
                    case 8: {
                            if (!(message.constraints && message.constraints.length))
                                message.constraints = [];
                            message.constraints.push($root.berth.v1.Constraint.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 9: {
                            message.network = reader.string();
                            break;
                        }
                    case 10: {
                            message.command = reader.bool();
                            break;
                        }
                    case 11: {
                            message.frameworkId = reader.string();
                            break;
                        }
                    case 12: {
                            message.agentId = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates a TaskRequirements message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.TaskRequirements
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.TaskRequirements} TaskRequirements
             */
            TaskRequirements.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.TaskRequirements)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.TaskRequirements: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.TaskRequirements();
                if (object.taskId != null)
                    message.taskId = String(object.taskId);
                if (object.appId != null)
                    message.appId = String(object.appId);
                if (object.cpus != null)
                    message.cpus = Number(object.cpus);
                if (object.mem != null)
                    message.mem = Number(object.mem);
                if (object.disk != null)
                    message.disk = Number(object.disk);
                if (object.portCount != null)
                    message.portCount = object.portCount >>> 0;
                if (object.requiredPorts) {
                    if (!Array.isArray(object.requiredPorts))
                        throw TypeError(".berth.v1.TaskRequirements.requiredPorts: array expected");
                    message.requiredPorts = [];
                    for (let i = 0; i < object.requiredPorts.length; ++i)
                        message.requiredPorts[i] = object.requiredPorts[i] >>> 0;
                }
                if (object.constraints) {
                    if (!Array.isArray(object.constraints))
                        throw TypeError(".berth.v1.TaskRequirements.constraints: array expected");
                    message.constraints = [];
                    for (let i = 0; i < object.constraints.length; ++i) {
                        if (!$util.isObject(object.constraints[i]))
                            throw TypeError(".berth.v1.TaskRequirements.constraints: object expected");
                        message.constraints[i] = $root.berth.v1.Constraint.fromObject(object.constraints[i], long + 1);
                    }
                }
                if (object.network != null)
                    message.network = String(object.network);
                if (object.command != null)
                    message.command = Boolean(object.command);
                if (object.frameworkId != null)
                    message.frameworkId = String(object.frameworkId);
                if (object.agentId != null)
                    message.agentId = String(object.agentId);
                return message;
            };

            /**
             * Creates a plain object from a TaskRequirements message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.TaskRequirements
             * @static
             * @param {berth.v1.TaskRequirements} message TaskRequirements
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TaskRequirements.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.requiredPorts = [];
                    object.constraints = [];
                }
                if (options.defaults) {
                    object.taskId = "";
                    object.appId = "";
                    object.cpus = 0;
                    object.mem = 0;
                    object.disk = 0;
                    object.portCount = 0;
                    object.network = "";
                    object.command = false;
                    object.frameworkId = "";
                    object.agentId = "";
                }
                if (message.taskId != null && Object.hasOwnProperty.call(message, "taskId"))
                    object.taskId = message.taskId;
                if (message.appId != null && Object.hasOwnProperty.call(message, "appId"))
                    object.appId = message.appId;
                if (message.cpus != null && Object.hasOwnProperty.call(message, "cpus"))
                    object.cpus = options.json && !isFinite(message.cpus) ? String(message.cpus) : message.cpus;
                if (message.mem != null && Object.hasOwnProperty.call(message, "mem"))
                    object.mem = options.json && !isFinite(message.mem) ? String(message.mem) : message.mem;
                if (message.disk != null && Object.hasOwnProperty.call(message, "disk"))
                    object.disk = options.json && !isFinite(message.disk) ? String(message.disk) : message.disk;
                if (message.portCount != null && Object.hasOwnProperty.call(message, "portCount"))
                    object.portCount = message.portCount;
                if (message.requiredPorts && message.requiredPorts.length) {
                    object.requiredPorts = [];
                    for (let j = 0; j < message.requiredPorts.length; ++j)
                        object.requiredPorts[j] = message.requiredPorts[j];
                }
                if (message.constraints && message.constraints.length) {
                    object.constraints = [];
                    for (let j = 0; j < message.constraints.length; ++j)
                        object.constraints[j] = $root.berth.v1.Constraint.toObject(message.constraints[j], options, q + 1);
                }
                if (message.network != null && Object.hasOwnProperty.call(message, "network"))
                    object.network = message.network;
                if (message.command != null && Object.hasOwnProperty.call(message, "command"))
                    object.command = message.command;
                if (message.frameworkId != null && Object.hasOwnProperty.call(message, "frameworkId"))
                    object.frameworkId = message.frameworkId;
                if (message.agentId != null && Object.hasOwnProperty.call(message, "agentId"))
                    object.agentId = message.agentId;
                return object;
            };

            /**
             * Converts this TaskRequirements to JSON.
             * @function toJSON
             * @memberof berth.v1.TaskRequirements
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TaskRequirements.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return TaskRequirements;
        })();

        v1.Constraint = (function() {

            /**
             * Properties of a Constraint.
             * @memberof berth.v1
             * @interface IConstraint
             * @property {string|null} [field] Constraint field
             * @property {string|null} [operator] Constraint operator
             * @property {string|null} [value] Constraint value
             */

            /**
             * Constructs a new Constraint.
             * @memberof berth.v1
             * @classdesc Represents a Constraint.
             * @implements IConstraint
             * @constructor
             * @param {berth.v1.IConstraint=} [properties] Properties to set
             */
            function Constraint(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Constraint field.
             * @member {string} field
             * @memberof berth.v1.Constraint
             * @instance
             */
            Constraint.prototype.field = "";

            /**
             * Constraint operator.
             * @member {string} operator
             * @memberof berth.v1.Constraint
             * @instance
             */
            Constraint.prototype.operator = "";

            /**
             * Constraint value.
             * @member {string} value
             * @memberof berth.v1.Constraint
             * @instance
             */
            Constraint.prototype.value = "";

            /**
             * Creates a new Constraint instance using the specified properties.
             * @function create
             * @memberof berth.v1.Constraint
             * @static
             * @param {berth.v1.IConstraint=} [properties] Properties to set
             * @returns {berth.v1.Constraint} Constraint instance
             */
            Constraint.create = function create(properties) {
                return new Constraint(properties);
            };

            /**
             * Encodes the specified Constraint message. Does not implicitly {@link berth.v1.Constraint.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.Constraint
             * @static
             * @param {berth.v1.IConstraint} message Constraint message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Constraint.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.field != null && Object.hasOwnProperty.call(message, "field"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.field);
                if (message.operator != null && Object.hasOwnProperty.call(message, "operator"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.operator);
                if (message.value != null && Object.hasOwnProperty.call(message, "value"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.value);
                return writer;
            };

            /**
             * Decodes a Constraint message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.Constraint
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.Constraint} Constraint
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Constraint.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.Constraint();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.field = reader.string();
                            break;
                        }
                    case 2: {
                            message.operator = reader.string();
                            break;
                        }
                    case 3: {
                            message.value = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates a Constraint message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.Constraint
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.Constraint} Constraint
             */
            Constraint.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.Constraint)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.Constraint: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.Constraint();
                if (object.field != null)
                    message.field = String(object.field);
                if (object.operator != null)
                    message.operator = String(object.operator);
                if (object.value != null)
                    message.value = String(object.value);
                return message;
            };

            /**
             * Creates a plain object from a Constraint message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.Constraint
             * @static
             * @param {berth.v1.Constraint} message Constraint
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Constraint.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.field = "";
                    object.operator = "";
                    object.value = "";
                }
                if (message.field != null && Object.hasOwnProperty.call(message, "field"))
                    object.field = message.field;
                if (message.operator != null && Object.hasOwnProperty.call(message, "operator"))
                    object.operator = message.operator;
                if (message.value != null && Object.hasOwnProperty.call(message, "value"))
                    object.value = message.value;
                return object;
            };

            /**
             * Converts this Constraint to JSON.
             * @function toJSON
             * @memberof berth.v1.Constraint
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Constraint.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Constraint;
        })();

        v1.PlacementRequest = (function() {

            /**
             * Properties of a PlacementRequest.
             * @memberof berth.v1
             * @interface IPlacementRequest
             * @property {Array.<berth.v1.ITaskRequirements>|null} [tasks] PlacementRequest tasks
             */

            /**
             * Constructs a new PlacementRequest.
             * @memberof berth.v1
             * @classdesc Represents a PlacementRequest.
             * @implements IPlacementRequest
             * @constructor
             * @param {berth.v1.IPlacementRequest=} [properties] Properties to set
             */
            function PlacementRequest(properties) {
                this.tasks = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * PlacementRequest tasks.
             * @member {Array.<berth.v1.ITaskRequirements>} tasks
             * @memberof berth.v1.PlacementRequest
             * @instance
             */
            PlacementRequest.prototype.tasks = $util.emptyArray;

            /**
             * Creates a new PlacementRequest instance using the specified properties.
             * @function create
             * @memberof berth.v1.PlacementRequest
             * @static
             * @param {berth.v1.IPlacementRequest=} [properties] Properties to set
             * @returns {berth.v1.PlacementRequest} PlacementRequest instance
             */
            PlacementRequest.create = function create(properties) {
                return new PlacementRequest(properties);
            };

            /**
             * Encodes the specified PlacementRequest message. Does not implicitly {@link berth.v1.PlacementRequest.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.PlacementRequest
             * @static
             * @param {berth.v1.IPlacementRequest} message PlacementRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PlacementRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.tasks != null && message.tasks.length)
                    for (let i = 0; i < message.tasks.length; ++i)
                        $root.berth.v1.TaskRequirements.encode(message.tasks[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a PlacementRequest message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.PlacementRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.PlacementRequest} PlacementRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PlacementRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.PlacementRequest();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.tasks && message.tasks.length))
                                message.tasks = [];
                            message.tasks.push($root.berth.v1.TaskRequirements.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates a PlacementRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.PlacementRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.PlacementRequest} PlacementRequest
             */
            PlacementRequest.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.PlacementRequest)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.PlacementRequest: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.PlacementRequest();
                if (object.tasks) {
                    if (!Array.isArray(object.tasks))
                        throw TypeError(".berth.v1.PlacementRequest.tasks: array expected");
                    message.tasks = [];
                    for (let i = 0; i < object.tasks.length; ++i) {
                        if (!$util.isObject(object.tasks[i]))
                            throw TypeError(".berth.v1.PlacementRequest.tasks: object expected");
                        message.tasks[i] = $root.berth.v1.TaskRequirements.fromObject(object.tasks[i], long + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a PlacementRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.PlacementRequest
             * @static
             * @param {berth.v1.PlacementRequest} message PlacementRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PlacementRequest.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.tasks = [];
                if (message.tasks && message.tasks.length) {
                    object.tasks = [];
                    for (let j = 0; j < message.tasks.length; ++j)
                        object.tasks[j] = $root.berth.v1.TaskRequirements.toObject(message.tasks[j], options, q + 1);
                }
                return object;
            };

            /**
             * Converts this PlacementRequest to JSON.
             * @function toJSON
             * @memberof berth.v1.PlacementRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PlacementRequest.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return PlacementRequest;
        })();

        v1.Placement = (function() {

            /**
             * Properties of a Placement.
             * @memberof berth.v1
             * @interface IPlacement
             * @property {string|null} [taskId] Placement taskId
             * @property {string|null} [agentId] Placement agentId
             * @property {string|null} [hostname] Placement hostname
             * @property {Array.<number>|null} [ports] Placement ports
             */

            /**
             * Constructs a new Placement.
             * @memberof berth.v1
             * @classdesc Represents a Placement.
             * @implements IPlacement
             * @constructor
             * @param {berth.v1.IPlacement=} [properties] Properties to set
             */
            function Placement(properties) {
                this.ports = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Placement taskId.
             * @member {string} taskId
             * @memberof berth.v1.Placement
             * @instance
             */
            Placement.prototype.taskId = "";

            /**
             * Placement agentId.
             * @member {string} agentId
             * @memberof berth.v1.Placement
             * @instance
             */
            Placement.prototype.agentId = "";

            /**
             * Placement hostname.
             * @member {string} hostname
             * @memberof berth.v1.Placement
             * @instance
             */
            Placement.prototype.hostname = "";

            /**
             * Placement ports.
             * @member {Array.<number>} ports
             * @memberof berth.v1.Placement
             * @instance
             */
            Placement.prototype.ports = $util.emptyArray;

            /**
             * Creates a new Placement instance using the specified properties.
             * @function create
             * @memberof berth.v1.Placement
             * @static
             * @param {berth.v1.IPlacement=} [properties] Properties to set
             * @returns {berth.v1.Placement} Placement instance
             */
            Placement.create = function create(properties) {
                return new Placement(properties);
            };

            /**
             * Encodes the specified Placement message. Does not implicitly {@link berth.v1.Placement.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.Placement
             * @static
             * @param {berth.v1.IPlacement} message Placement message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Placement.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.taskId != null && Object.hasOwnProperty.call(message, "taskId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.taskId);
                if (message.agentId != null && Object.hasOwnProperty.call(message, "agentId"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.agentId);
                if (message.hostname != null && Object.hasOwnProperty.call(message, "hostname"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.hostname);
                if (message.ports != null && message.ports.length) {
                    writer.uint32(/* id 4, wireType 2 =*/34).fork();
                    for (let i = 0; i < message.ports.length; ++i)
                        writer.uint32(message.ports[i]);
                    writer.ldelim();
                }
                return writer;
            };

            /**
             * Decodes a Placement message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.Placement
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.Placement} Placement
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Placement.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.Placement();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.taskId = reader.string();
                            break;
                        }
                    case 2: {
                            message.agentId = reader.string();
                            break;
                        }
                    case 3: {
                            message.hostname = reader.string();
                            break;
                        }
                    case 4: {
                            if (!(message.ports && message.ports.length))
                                message.ports = [];
                            if ((tag & 7) === 2) {
                                let end2 = reader.uint32() + reader.pos;
                                if (end2 > reader.len)
                                    throw RangeError("index out of range");
                                reader.len = end2;
                                while (reader.pos < end2)
                                    message.ports.push(reader.uint32());
                                if (reader.pos !== end2)
                                    throw RangeError("index out of range");
                                reader.len = end;
                            } else
                                message.ports.push(reader.uint32());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates a Placement message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.Placement
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.Placement} Placement
             */
            Placement.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.Placement)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.Placement: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.Placement();
                if (object.taskId != null)
                    message.taskId = String(object.taskId);
                if (object.agentId != null)
                    message.agentId = String(object.agentId);
                if (object.hostname != null)
                    message.hostname = String(object.hostname);
                if (object.ports) {
                    if (!Array.isArray(object.ports))
                        throw TypeError(".berth.v1.Placement.ports: array expected");
                    message.ports = [];
                    for (let i = 0; i < object.ports.length; ++i)
                        message.ports[i] = object.ports[i] >>> 0;
                }
                return message;
            };

            /**
             * Creates a plain object from a Placement message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.Placement
             * @static
             * @param {berth.v1.Placement} message Placement
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Placement.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.ports = [];
                if (options.defaults) {
                    object.taskId = "";
                    object.agentId = "";
                    object.hostname = "";
                }
                if (message.taskId != null && Object.hasOwnProperty.call(message, "taskId"))
                    object.taskId = message.taskId;
                if (message.agentId != null && Object.hasOwnProperty.call(message, "agentId"))
                    object.agentId = message.agentId;
                if (message.hostname != null && Object.hasOwnProperty.call(message, "hostname"))
                    object.hostname = message.hostname;
                if (message.ports && message.ports.length) {
                    object.ports = [];
                    for (let j = 0; j < message.ports.length; ++j)
                        object.ports[j] = message.ports[j];
                }
                return object;
            };

            /**
             * Converts this Placement to JSON.
             * @function toJSON
             * @memberof berth.v1.Placement
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Placement.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Placement;
        })();

        v1.Unplaced = (function() {

            /**
             * Properties of an Unplaced.
             * @memberof berth.v1
             * @interface IUnplaced
             * @property {string|null} [taskId] Unplaced taskId
             * @property {Array.<string>|null} [reasons] Unplaced reasons
             */

            /**
             * Constructs a new Unplaced.
             * @memberof berth.v1
             * @classdesc Represents an Unplaced.
             * @implements IUnplaced
             * @constructor
             * @param {berth.v1.IUnplaced=} [properties] Properties to set
             */
            function Unplaced(properties) {
                this.reasons = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Unplaced taskId.
             * @member {string} taskId
             * @memberof berth.v1.Unplaced
             * @instance
             */
            Unplaced.prototype.taskId = "";

            /**
             * Unplaced reasons.
             * @member {Array.<string>} reasons
             * @memberof berth.v1.Unplaced
             * @instance
             */
            Unplaced.prototype.reasons = $util.emptyArray;

            /**
             * Creates a new Unplaced instance using the specified properties.
             * @function create
             * @memberof berth.v1.Unplaced
             * @static
             * @param {berth.v1.IUnplaced=} [properties] Properties to set
             * @returns {berth.v1.Unplaced} Unplaced instance
             */
            Unplaced.create = function create(properties) {
                return new Unplaced(properties);
            };

            /**
             * Encodes the specified Unplaced message. Does not implicitly {@link berth.v1.Unplaced.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.Unplaced
             * @static
             * @param {berth.v1.IUnplaced} message Unplaced message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Unplaced.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.taskId != null && Object.hasOwnProperty.call(message, "taskId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.taskId);
                if (message.reasons != null && message.reasons.length)
                    for (let i = 0; i < message.reasons.length; ++i)
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.reasons[i]);
                return writer;
            };

            /**
             * Decodes an Unplaced message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.Unplaced
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.Unplaced} Unplaced
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Unplaced.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.Unplaced();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.taskId = reader.string();
                            break;
                        }
                    case 2: {
                            if (!(message.reasons && message.reasons.length))
                                message.reasons = [];
                            message.reasons.push(reader.string());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates an Unplaced message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.Unplaced
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.Unplaced} Unplaced
             */
            Unplaced.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.Unplaced)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.Unplaced: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.Unplaced();
                if (object.taskId != null)
                    message.taskId = String(object.taskId);
                if (object.reasons) {
                    if (!Array.isArray(object.reasons))
                        throw TypeError(".berth.v1.Unplaced.reasons: array expected");
                    message.reasons = [];
                    for (let i = 0; i < object.reasons.length; ++i)
                        message.reasons[i] = String(object.reasons[i]);
                }
                return message;
            };

            /**
             * Creates a plain object from an Unplaced message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.Unplaced
             * @static
             * @param {berth.v1.Unplaced} message Unplaced
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Unplaced.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.reasons = [];
                if (options.defaults)
                    object.taskId = "";
                if (message.taskId != null && Object.hasOwnProperty.call(message, "taskId"))
                    object.taskId = message.taskId;
                if (message.reasons && message.reasons.length) {
                    object.reasons = [];
                    for (let j = 0; j < message.reasons.length; ++j)
                        object.reasons[j] = message.reasons[j];
                }
                return object;
            };

            /**
             * Converts this Unplaced to JSON.
             * @function toJSON
             * @memberof berth.v1.Unplaced
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Unplaced.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Unplaced;
        })();

        v1.PlacementReply = (function() {

            /**
             * Properties of a PlacementReply.
             * @memberof berth.v1
             * @interface IPlacementReply
             * @property {Array.<berth.v1.IPlacement>|null} [placements] PlacementReply placements
             * @property {Array.<berth.v1.IUnplaced>|null} [unplaced] PlacementReply unplaced
             * @property {berth.v1.IErrorData|null} [error] PlacementReply error
             */

            /**
             * Constructs a new PlacementReply.
             * @memberof berth.v1
             * @classdesc Represents a PlacementReply.
             * @implements IPlacementReply
             * @constructor
             * @param {berth.v1.IPlacementReply=} [properties] Properties to set
             */
            function PlacementReply(properties) {
                this.placements = [];
                this.unplaced = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * PlacementReply placements.
             * @member {Array.<berth.v1.IPlacement>} placements
             * @memberof berth.v1.PlacementReply
             * @instance
             */
            PlacementReply.prototype.placements = $util.emptyArray;

            /**
             * PlacementReply unplaced.
             * @member {Array.<berth.v1.IUnplaced>} unplaced
             * @memberof berth.v1.PlacementReply
             * @instance
             */
            PlacementReply.prototype.unplaced = $util.emptyArray;

            /**
             * PlacementReply error.
             * @member {berth.v1.IErrorData|null|undefined} error
             * @memberof berth.v1.PlacementReply
             * @instance
             */
            PlacementReply.prototype.error = null;

            /**
             * Creates a new PlacementReply instance using the specified properties.
             * @function create
             * @memberof berth.v1.PlacementReply
             * @static
             * @param {berth.v1.IPlacementReply=} [properties] Properties to set
             * @returns {berth.v1.PlacementReply} PlacementReply instance
             */
            PlacementReply.create = function create(properties) {
                return new PlacementReply(properties);
            };

            /**
             * Encodes the specified PlacementReply message. Does not implicitly {@link berth.v1.PlacementReply.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.PlacementReply
             * @static
             * @param {berth.v1.IPlacementReply} message PlacementReply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PlacementReply.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.placements != null && message.placements.length)
                    for (let i = 0; i < message.placements.length; ++i)
                        $root.berth.v1.Placement.encode(message.placements[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (message.unplaced != null && message.unplaced.length)
                    for (let i = 0; i < message.unplaced.length; ++i)
                        $root.berth.v1.Unplaced.encode(message.unplaced[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (message.error != null && Object.hasOwnProperty.call(message, "error"))
                    $root.berth.v1.ErrorData.encode(message.error, writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a PlacementReply message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.PlacementReply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.PlacementReply} PlacementReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PlacementReply.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.PlacementReply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.placements && message.placements.length))
                                message.placements = [];
                            message.placements.push($root.berth.v1.Placement.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 2: {
                            if (!(message.unplaced && message.unplaced.length))
                                message.unplaced = [];
                            message.unplaced.push($root.berth.v1.Unplaced.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 3: {
                            message.error = $root.berth.v1.ErrorData.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates a PlacementReply message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.PlacementReply
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.PlacementReply} PlacementReply
             */
            PlacementReply.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.PlacementReply)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.PlacementReply: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.PlacementReply();
                if (object.placements) {
                    if (!Array.isArray(object.placements))
                        throw TypeError(".berth.v1.PlacementReply.placements: array expected");
                    message.placements = [];
                    for (let i = 0; i < object.placements.length; ++i) {
                        if (!$util.isObject(object.placements[i]))
                            throw TypeError(".berth.v1.PlacementReply.placements: object expected");
                        message.placements[i] = $root.berth.v1.Placement.fromObject(object.placements[i], long + 1);
                    }
                }
                if (object.unplaced) {
                    if (!Array.isArray(object.unplaced))
                        throw TypeError(".berth.v1.PlacementReply.unplaced: array expected");
                    message.unplaced = [];
                    for (let i = 0; i < object.unplaced.length; ++i) {
                        if (!$util.isObject(object.unplaced[i]))
                            throw TypeError(".berth.v1.PlacementReply.unplaced: object expected");
                        message.unplaced[i] = $root.berth.v1.Unplaced.fromObject(object.unplaced[i], long + 1);
                    }
                }
                if (object.error != null) {
                    if (!$util.isObject(object.error))
                        throw TypeError(".berth.v1.PlacementReply.error: object expected");
                    message.error = $root.berth.v1.ErrorData.fromObject(object.error, long + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a PlacementReply message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.PlacementReply
             * @static
             * @param {berth.v1.PlacementReply} message PlacementReply
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PlacementReply.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.placements = [];
                    object.unplaced = [];
                }
                if (options.defaults)
                    object.error = null;
                if (message.placements && message.placements.length) {
                    object.placements = [];
                    for (let j = 0; j < message.placements.length; ++j)
                        object.placements[j] = $root.berth.v1.Placement.toObject(message.placements[j], options, q + 1);
                }
                if (message.unplaced && message.unplaced.length) {
                    object.unplaced = [];
                    for (let j = 0; j < message.unplaced.length; ++j)
                        object.unplaced[j] = $root.berth.v1.Unplaced.toObject(message.unplaced[j], options, q + 1);
                }
                if (message.error != null && Object.hasOwnProperty.call(message, "error"))
                    object.error = $root.berth.v1.ErrorData.toObject(message.error, options, q + 1);
                return object;
            };

            /**
             * Converts this PlacementReply to JSON.
             * @function toJSON
             * @memberof berth.v1.PlacementReply
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PlacementReply.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return PlacementReply;
        })();

        v1.Reservation = (function() {

            /**
             * Properties of a Reservation.
             * @memberof berth.v1
             * @interface IReservation
             * @property {string|null} [taskId] Reservation taskId
             * @property {string|null} [appId] Reservation appId
             * @property {number|null} [cpus] Reservation cpus
             * @property {number|null} [mem] Reservation mem
             * @property {number|null} [disk] Reservation disk
             * @property {Array.<number>|null} [ports] Reservation ports
             * @property {number|null} [reservedAtMs] Reservation reservedAtMs
             * @property {string|null} [frameworkId] Reservation frameworkId
             */

            /**
             * Constructs a new Reservation.
             * @memberof berth.v1
             * @classdesc Represents a Reservation.
             * @implements IReservation
             * @constructor
             * @param {berth.v1.IReservation=} [properties] Properties to set
             */
            function Reservation(properties) {
                this.ports = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Reservation taskId.
             * @member {string} taskId
             * @memberof berth.v1.Reservation
             * @instance
             */
            Reservation.prototype.taskId = "";

            /**
             * Reservation appId.
             * @member {string} appId
             * @memberof berth.v1.Reservation
             * @instance
             */
            Reservation.prototype.appId = "";

            /**
             * Reservation cpus.
             * @member {number} cpus
             * @memberof berth.v1.Reservation
             * @instance
             */
            Reservation.prototype.cpus = 0;

            /**
             * Reservation mem.
             * @member {number} mem
             * @memberof berth.v1.Reservation
             * @instance
             */
            Reservation.prototype.mem = 0;

            /**
             * Reservation disk.
             * @member {number} disk
             * @memberof berth.v1.Reservation
             * @instance
             */
            Reservation.prototype.disk = 0;

            /**
             * Reservation ports.
             * @member {Array.<number>} ports
             * @memberof berth.v1.Reservation
             * @instance
             */
            Reservation.prototype.ports = $util.emptyArray;

            /**
             * Reservation reservedAtMs.
             * @member {number} reservedAtMs
             * @memberof berth.v1.Reservation
             * @instance
             */
            Reservation.prototype.reservedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Reservation frameworkId.
             * @member {string} frameworkId
             * @memberof berth.v1.Reservation
             * @instance
             */
            Reservation.prototype.frameworkId = "";

            /**
             * Creates a new Reservation instance using the specified properties.
             * @function create
             * @memberof berth.v1.Reservation
             * @static
             * @param {berth.v1.IReservation=} [properties] Properties to set
             * @returns {berth.v1.Reservation} Reservation instance
             */
            Reservation.create = function create(properties) {
                return new Reservation(properties);
            };

            /**
             * Encodes the specified Reservation message. Does not implicitly {@link berth.v1.Reservation.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.Reservation
             * @static
             * @param {berth.v1.IReservation} message Reservation message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Reservation.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.taskId != null && Object.hasOwnProperty.call(message, "taskId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.taskId);
                if (message.appId != null && Object.hasOwnProperty.call(message, "appId"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.appId);
                if (message.cpus != null && Object.hasOwnProperty.call(message, "cpus"))
                    writer.uint32(/* id 3, wireType 1 =*/25).double(message.cpus);
                if (message.mem != null && Object.hasOwnProperty.call(message, "mem"))
                    writer.uint32(/* id 4, wireType 1 =*/33).double(message.mem);
                if (message.disk != null && Object.hasOwnProperty.call(message, "disk"))
                    writer.uint32(/* id 5, wireType 1 =*/41).double(message.disk);
                if (message.ports != null && message.ports.length) {
                    writer.uint32(/* id 6, wireType 2 =*/50).fork();
                    for (let i = 0; i < message.ports.length; ++i)
                        writer.uint32(message.ports[i]);
                    writer.ldelim();
                }
                if (message.reservedAtMs != null && Object.hasOwnProperty.call(message, "reservedAtMs"))
                    writer.uint32(/* id 7, wireType 0 =*/56).int64(message.reservedAtMs);
                if (message.frameworkId != null && Object.hasOwnProperty.call(message, "frameworkId"))
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.frameworkId);
                return writer;
            };

            /**
             * Decodes a Reservation message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.Reservation
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.Reservation} Reservation
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Reservation.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.Reservation();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.taskId = reader.string();
                            break;
                        }
                    case 2: {
                            message.appId = reader.string();
                            break;
                        }
                    case 3: {
                            message.cpus = reader.double();
                            break;
                        }
                    case 4: {
                            message.mem = reader.double();
                            break;
                        }
                    case 5: {
                            message.disk = reader.double();
                            break;
                        }
                    case 6: {
                            if (!(message.ports && message.ports.length))
                                message.ports = [];
                            if ((tag & 7) === 2) {
                                let end2 = reader.uint32() + reader.pos;
                                if (end2 > reader.len)
                                    throw RangeError("index out of range");
                                reader.len = end2;
                                while (reader.pos < end2)
                                    message.ports.push(reader.uint32());
                                if (reader.pos !== end2)
                                    throw RangeError("index out of range");
                                reader.len = end;
                            } else
                                message.ports.push(reader.uint32());
                            break;
                        }
                    case 7: {
                            message.reservedAtMs = reader.int64();
                            break;
                        }
                    case 8: {
                            message.frameworkId = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates a Reservation message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.Reservation
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.Reservation} Reservation
             */
            Reservation.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.Reservation)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.Reservation: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.Reservation();
                if (object.taskId != null)
                    message.taskId = String(object.taskId);
                if (object.appId != null)
                    message.appId = String(object.appId);
                if (object.cpus != null)
                    message.cpus = Number(object.cpus);
                if (object.mem != null)
                    message.mem = Number(object.mem);
                if (object.disk != null)
                    message.disk = Number(object.disk);
                if (object.ports) {
                    if (!Array.isArray(object.ports))
                        throw TypeError(".berth.v1.Reservation.ports: array expected");
                    message.ports = [];
                    for (let i = 0; i < object.ports.length; ++i)
                        message.ports[i] = object.ports[i] >>> 0;
                }
                if (object.reservedAtMs != null)
                    if ($util.Long)
                        message.reservedAtMs = $util.Long.fromValue(object.reservedAtMs, false);
                    else if (typeof object.reservedAtMs === "string")
                        message.reservedAtMs = parseInt(object.reservedAtMs, 10);
                    else if (typeof object.reservedAtMs === "number")
                        message.reservedAtMs = object.reservedAtMs;
                    else if (typeof object.reservedAtMs === "object")
                        message.reservedAtMs = new $util.LongBits(object.reservedAtMs.low >>> 0, object.reservedAtMs.high >>> 0).toNumber();
                if (object.frameworkId != null)
                    message.frameworkId = String(object.frameworkId);
                return message;
            };

            /**
             * Creates a plain object from a Reservation message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.Reservation
             * @static
             * @param {berth.v1.Reservation} message Reservation
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Reservation.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.ports = [];
                if (options.defaults) {
                    object.taskId = "";
                    object.appId = "";
                    object.cpus = 0;
                    object.mem = 0;
                    object.disk = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.reservedAtMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.reservedAtMs = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    object.frameworkId = "";
                }
                if (message.taskId != null && Object.hasOwnProperty.call(message, "taskId"))
                    object.taskId = message.taskId;
                if (message.appId != null && Object.hasOwnProperty.call(message, "appId"))
                    object.appId = message.appId;
                if (message.cpus != null && Object.hasOwnProperty.call(message, "cpus"))
                    object.cpus = options.json && !isFinite(message.cpus) ? String(message.cpus) : message.cpus;
                if (message.mem != null && Object.hasOwnProperty.call(message, "mem"))
                    object.mem = options.json && !isFinite(message.mem) ? String(message.mem) : message.mem;
                if (message.disk != null && Object.hasOwnProperty.call(message, "disk"))
                    object.disk = options.json && !isFinite(message.disk) ? String(message.disk) : message.disk;
                if (message.ports && message.ports.length) {
                    object.ports = [];
                    for (let j = 0; j < message.ports.length; ++j)
                        object.ports[j] = message.ports[j];
                }
                if (message.reservedAtMs != null && Object.hasOwnProperty.call(message, "reservedAtMs"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.reservedAtMs = typeof message.reservedAtMs === "number" ? BigInt(message.reservedAtMs) : $util.Long.fromBits(message.reservedAtMs.low >>> 0, message.reservedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.reservedAtMs === "number")
                        object.reservedAtMs = options.longs === String ? String(message.reservedAtMs) : message.reservedAtMs;
                    else
                        object.reservedAtMs = options.longs === String ? $util.Long.prototype.toString.call(message.reservedAtMs) : options.longs === Number ? new $util.LongBits(message.reservedAtMs.low >>> 0, message.reservedAtMs.high >>> 0).toNumber() : message.reservedAtMs;
                if (message.frameworkId != null && Object.hasOwnProperty.call(message, "frameworkId"))
                    object.frameworkId = message.frameworkId;
                return object;
            };

            /**
             * Converts this Reservation to JSON.
             * @function toJSON
             * @memberof berth.v1.Reservation
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Reservation.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Reservation;
        })();

        v1.AgentLedger = (function() {

            /**
             * Properties of an AgentLedger.
             * @memberof berth.v1
             * @interface IAgentLedger
             * @property {string|null} [agentId] AgentLedger agentId
             * @property {Array.<berth.v1.IReservation>|null} [reservations] AgentLedger reservations
             */

            /**
             * Constructs a new AgentLedger.
             * @memberof berth.v1
             * @classdesc Represents an AgentLedger.
             * @implements IAgentLedger
             * @constructor
             * @param {berth.v1.IAgentLedger=} [properties] Properties to set
             */
            function AgentLedger(properties) {
                this.reservations = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * AgentLedger agentId.
             * @member {string} agentId
             * @memberof berth.v1.AgentLedger
             * @instance
             */
            AgentLedger.prototype.agentId = "";

            /**
             * AgentLedger reservations.
             * @member {Array.<berth.v1.IReservation>} reservations
             * @memberof berth.v1.AgentLedger
             * @instance
             */
            AgentLedger.prototype.reservations = $util.emptyArray;

            /**
             * Creates a new AgentLedger instance using the specified properties.
             * @function create
             * @memberof berth.v1.AgentLedger
             * @static
             * @param {berth.v1.IAgentLedger=} [properties] Properties to set
             * @returns {berth.v1.AgentLedger} AgentLedger instance
             */
            AgentLedger.create = function create(properties) {
                return new AgentLedger(properties);
            };

            /**
             * Encodes the specified AgentLedger message. Does not implicitly {@link berth.v1.AgentLedger.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.AgentLedger
             * @static
             * @param {berth.v1.IAgentLedger} message AgentLedger message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AgentLedger.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.agentId != null && Object.hasOwnProperty.call(message, "agentId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.agentId);
                if (message.reservations != null && message.reservations.length)
                    for (let i = 0; i < message.reservations.length; ++i)
                        $root.berth.v1.Reservation.encode(message.reservations[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes an AgentLedger message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.AgentLedger
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.AgentLedger} AgentLedger
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AgentLedger.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.AgentLedger();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.agentId = reader.string();
                            break;
                        }
                    case 2: {
                            if (!(message.reservations && message.reservations.length))
                                message.reservations = [];
                            message.reservations.push($root.berth.v1.Reservation.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates an AgentLedger message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.AgentLedger
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.AgentLedger} AgentLedger
             */
            AgentLedger.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.AgentLedger)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.AgentLedger: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.AgentLedger();
                if (object.agentId != null)
                    message.agentId = String(object.agentId);
                if (object.reservations) {
                    if (!Array.isArray(object.reservations))
                        throw TypeError(".berth.v1.AgentLedger.reservations: array expected");
                    message.reservations = [];
                    for (let i = 0; i < object.reservations.length; ++i) {
                        if (!$util.isObject(object.reservations[i]))
                            throw TypeError(".berth.v1.AgentLedger.reservations: object expected");
                        message.reservations[i] = $root.berth.v1.Reservation.fromObject(object.reservations[i], long + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from an AgentLedger message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.AgentLedger
             * @static
             * @param {berth.v1.AgentLedger} message AgentLedger
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AgentLedger.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.reservations = [];
                if (options.defaults)
                    object.agentId = "";
                if (message.agentId != null && Object.hasOwnProperty.call(message, "agentId"))
                    object.agentId = message.agentId;
                if (message.reservations && message.reservations.length) {
                    object.reservations = [];
                    for (let j = 0; j < message.reservations.length; ++j)
                        object.reservations[j] = $root.berth.v1.Reservation.toObject(message.reservations[j], options, q + 1);
                }
                return object;
            };

            /**
             * Converts this AgentLedger to JSON.
             * @function toJSON
             * @memberof berth.v1.AgentLedger
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AgentLedger.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AgentLedger;
        })();

        v1.Offer = (function() {

            /**
             * Properties of an Offer.
             * @memberof berth.v1
             * @interface IOffer
             * @property {string|null} [agentId] Offer agentId
             * @property {string|null} [hostname] Offer hostname
             * @property {berth.v1.IResources|null} [free] Offer free
             * @property {Object.<string,string>|null} [attributes] Offer attributes
             */

            /**
             * Constructs a new Offer.
             * @memberof berth.v1
             * @classdesc Represents an Offer.
             * @implements IOffer
             * @constructor
             * @param {berth.v1.IOffer=} [properties] Properties to set
             */
            function Offer(properties) {
                this.attributes = {};
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Offer agentId.
             * @member {string} agentId
             * @memberof berth.v1.Offer
             * @instance
             */
            Offer.prototype.agentId = "";

            /**
             * Offer hostname.
             * @member {string} hostname
             * @memberof berth.v1.Offer
             * @instance
             */
            Offer.prototype.hostname = "";

            /**
             * Offer free.
             * @member {berth.v1.IResources|null|undefined} free
             * @memberof berth.v1.Offer
             * @instance
             */
            Offer.prototype.free = null;

            /**
             * Offer attributes.
             * @member {Object.<string,string>} attributes
             * @memberof berth.v1.Offer
             * @instance
             */
            Offer.prototype.attributes = $util.emptyObject;

            /**
             * Creates a new Offer instance using the specified properties.
             * @function create
             * @memberof berth.v1.Offer
             * @static
             * @param {berth.v1.IOffer=} [properties] Properties to set
             * @returns {berth.v1.Offer} Offer instance
             */
            Offer.create = function create(properties) {
                return new Offer(properties);
            };

            /**
             * Encodes the specified Offer message. Does not implicitly {@link berth.v1.Offer.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.Offer
             * @static
             * @param {berth.v1.IOffer} message Offer message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Offer.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.agentId != null && Object.hasOwnProperty.call(message, "agentId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.agentId);
                if (message.hostname != null && Object.hasOwnProperty.call(message, "hostname"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.hostname);
                if (message.free != null && Object.hasOwnProperty.call(message, "free"))
                    $root.berth.v1.Resources.encode(message.free, writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (message.attributes != null && Object.hasOwnProperty.call(message, "attributes"))
                    for (let keys = Object.keys(message.attributes), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 4, wireType 2 =*/34).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.attributes[keys[i]]).ldelim();
                return writer;
            };

            /**
             * Decodes an Offer message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.Offer
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.Offer} Offer
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Offer.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message, key, value;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.Offer();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.agentId = reader.string();
                            break;
                        }
                    case 2: {
                            message.hostname = reader.string();
                            break;
                        }
                    case 3: {
                            message.free = $root.berth.v1.Resources.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 4: {
                            if (message.attributes === $util.emptyObject)
                                message.attributes = {};
                            let end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                let tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.attributes, key);
                            message.attributes[key] = value;
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates an Offer message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.Offer
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.Offer} Offer
             */
            Offer.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.Offer)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.Offer: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.Offer();
                if (object.agentId != null)
                    message.agentId = String(object.agentId);
                if (object.hostname != null)
                    message.hostname = String(object.hostname);
                if (object.free != null) {
                    if (!$util.isObject(object.free))
                        throw TypeError(".berth.v1.Offer.free: object expected");
                    message.free = $root.berth.v1.Resources.fromObject(object.free, long + 1);
                }
                if (object.attributes) {
                    if (!$util.isObject(object.attributes))
                        throw TypeError(".berth.v1.Offer.attributes: object expected");
                    message.attributes = {};
                    for (let keys = Object.keys(object.attributes), i = 0; i < keys.length; ++i) {
                        if (keys[i] === "__proto__")
                            $util.makeProp(message.attributes, keys[i]);
                        message.attributes[keys[i]] = String(object.attributes[keys[i]]);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from an Offer message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.Offer
             * @static
             * @param {berth.v1.Offer} message Offer
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Offer.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.objects || options.defaults)
                    object.attributes = {};
                if (options.defaults) {
                    object.agentId = "";
                    object.hostname = "";
                    object.free = null;
                }
                if (message.agentId != null && Object.hasOwnProperty.call(message, "agentId"))
                    object.agentId = message.agentId;
                if (message.hostname != null && Object.hasOwnProperty.call(message, "hostname"))
                    object.hostname = message.hostname;
                if (message.free != null && Object.hasOwnProperty.call(message, "free"))
                    object.free = $root.berth.v1.Resources.toObject(message.free, options, q + 1);
                let keys2;
                if (message.attributes && (keys2 = Object.keys(message.attributes)).length) {
                    object.attributes = {};
                    for (let j = 0; j < keys2.length; ++j) {
                        if (keys2[j] === "__proto__")
                            $util.makeProp(object.attributes, keys2[j]);
                        object.attributes[keys2[j]] = message.attributes[keys2[j]];
                    }
                }
                return object;
            };

            /**
             * Converts this Offer to JSON.
             * @function toJSON
             * @memberof berth.v1.Offer
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Offer.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Offer;
        })();

        v1.OfferList = (function() {

            /**
             * Properties of an OfferList.
             * @memberof berth.v1
             * @interface IOfferList
             * @property {Array.<berth.v1.IOffer>|null} [offers] OfferList offers
             */

            /**
             * Constructs a new OfferList.
             * @memberof berth.v1
             * @classdesc Represents an OfferList.
             * @implements IOfferList
             * @constructor
             * @param {berth.v1.IOfferList=} [properties] Properties to set
             */
            function OfferList(properties) {
                this.offers = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * OfferList offers.
             * @member {Array.<berth.v1.IOffer>} offers
             * @memberof berth.v1.OfferList
             * @instance
             */
            OfferList.prototype.offers = $util.emptyArray;

            /**
             * Creates a new OfferList instance using the specified properties.
             * @function create
             * @memberof berth.v1.OfferList
             * @static
             * @param {berth.v1.IOfferList=} [properties] Properties to set
             * @returns {berth.v1.OfferList} OfferList instance
             */
            OfferList.create = function create(properties) {
                return new OfferList(properties);
            };

            /**
             * Encodes the specified OfferList message. Does not implicitly {@link berth.v1.OfferList.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.OfferList
             * @static
             * @param {berth.v1.IOfferList} message OfferList message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            OfferList.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.offers != null && message.offers.length)
                    for (let i = 0; i < message.offers.length; ++i)
                        $root.berth.v1.Offer.encode(message.offers[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes an OfferList message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.OfferList
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.OfferList} OfferList
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            OfferList.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.OfferList();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.offers && message.offers.length))
                                message.offers = [];
                            message.offers.push($root.berth.v1.Offer.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates an OfferList message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.OfferList
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.OfferList} OfferList
             */
            OfferList.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.OfferList)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.OfferList: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.OfferList();
                if (object.offers) {
                    if (!Array.isArray(object.offers))
                        throw TypeError(".berth.v1.OfferList.offers: array expected");
                    message.offers = [];
                    for (let i = 0; i < object.offers.length; ++i) {
                        if (!$util.isObject(object.offers[i]))
                            throw TypeError(".berth.v1.OfferList.offers: object expected");
                        message.offers[i] = $root.berth.v1.Offer.fromObject(object.offers[i], long + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from an OfferList message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.OfferList
             * @static
             * @param {berth.v1.OfferList} message OfferList
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            OfferList.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.offers = [];
                if (message.offers && message.offers.length) {
                    object.offers = [];
                    for (let j = 0; j < message.offers.length; ++j)
                        object.offers[j] = $root.berth.v1.Offer.toObject(message.offers[j], options, q + 1);
                }
                return object;
            };

            /**
             * Converts this OfferList to JSON.
             * @function toJSON
             * @memberof berth.v1.OfferList
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            OfferList.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return OfferList;
        })();

        v1.KeyValue = (function() {

            /**
             * Properties of a KeyValue.
             * @memberof berth.v1
             * @interface IKeyValue
             * @property {string|null} [key] KeyValue key
             * @property {string|null} [value] KeyValue value
             */

            /**
             * Constructs a new KeyValue.
             * @memberof berth.v1
             * @classdesc Represents a KeyValue.
             * @implements IKeyValue
             * @constructor
             * @param {berth.v1.IKeyValue=} [properties] Properties to set
             */
            function KeyValue(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * KeyValue key.
             * @member {string} key
             * @memberof berth.v1.KeyValue
             * @instance
             */
            KeyValue.prototype.key = "";

            /**
             * KeyValue value.
             * @member {string} value
             * @memberof berth.v1.KeyValue
             * @instance
             */
            KeyValue.prototype.value = "";

            /**
             * Creates a new KeyValue instance using the specified properties.
             * @function create
             * @memberof berth.v1.KeyValue
             * @static
             * @param {berth.v1.IKeyValue=} [properties] Properties to set
             * @returns {berth.v1.KeyValue} KeyValue instance
             */
            KeyValue.create = function create(properties) {
                return new KeyValue(properties);
            };

            /**
             * Encodes the specified KeyValue message. Does not implicitly {@link berth.v1.KeyValue.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.KeyValue
             * @static
             * @param {berth.v1.IKeyValue} message KeyValue message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            KeyValue.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.key != null && Object.hasOwnProperty.call(message, "key"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.key);
                if (message.value != null && Object.hasOwnProperty.call(message, "value"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.value);
                return writer;
            };

            /**
             * Decodes a KeyValue message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.KeyValue
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.KeyValue} KeyValue
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            KeyValue.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.KeyValue();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.key = reader.string();
                            break;
                        }
                    case 2: {
                            message.value = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates a KeyValue message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.KeyValue
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.KeyValue} KeyValue
             */
            KeyValue.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.KeyValue)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.KeyValue: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.KeyValue();
                if (object.key != null)
                    message.key = String(object.key);
                if (object.value != null)
                    message.value = String(object.value);
                return message;
            };

            /**
             * Creates a plain object from a KeyValue message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.KeyValue
             * @static
             * @param {berth.v1.KeyValue} message KeyValue
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            KeyValue.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.key = "";
                    object.value = "";
                }
                if (message.key != null && Object.hasOwnProperty.call(message, "key"))
                    object.key = message.key;
                if (message.value != null && Object.hasOwnProperty.call(message, "value"))
                    object.value = message.value;
                return object;
            };

            /**
             * Converts this KeyValue to JSON.
             * @function toJSON
             * @memberof berth.v1.KeyValue
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            KeyValue.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return KeyValue;
        })();

        v1.VolumeSpec = (function() {

            /**
             * Properties of a VolumeSpec.
             * @memberof berth.v1
             * @interface IVolumeSpec
             * @property {string|null} [containerPath] VolumeSpec containerPath
             * @property {string|null} [hostPath] VolumeSpec hostPath
             * @property {string|null} [mode] VolumeSpec mode
             */

            /**
             * Constructs a new VolumeSpec.
             * @memberof berth.v1
             * @classdesc Represents a VolumeSpec.
             * @implements IVolumeSpec
             * @constructor
             * @param {berth.v1.IVolumeSpec=} [properties] Properties to set
             */
            function VolumeSpec(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * VolumeSpec containerPath.
             * @member {string} containerPath
             * @memberof berth.v1.VolumeSpec
             * @instance
             */
            VolumeSpec.prototype.containerPath = "";

            /**
             * VolumeSpec hostPath.
             * @member {string} hostPath
             * @memberof berth.v1.VolumeSpec
             * @instance
             */
            VolumeSpec.prototype.hostPath = "";

            /**
             * VolumeSpec mode.
             * @member {string} mode
             * @memberof berth.v1.VolumeSpec
             * @instance
             */
            VolumeSpec.prototype.mode = "";

            /**
             * Creates a new VolumeSpec instance using the specified properties.
             * @function create
             * @memberof berth.v1.VolumeSpec
             * @static
             * @param {berth.v1.IVolumeSpec=} [properties] Properties to set
             * @returns {berth.v1.VolumeSpec} VolumeSpec instance
             */
            VolumeSpec.create = function create(properties) {
                return new VolumeSpec(properties);
            };

            /**
             * Encodes the specified VolumeSpec message. Does not implicitly {@link berth.v1.VolumeSpec.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.VolumeSpec
             * @static
             * @param {berth.v1.IVolumeSpec} message VolumeSpec message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            VolumeSpec.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.containerPath != null && Object.hasOwnProperty.call(message, "containerPath"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.containerPath);
                if (message.hostPath != null && Object.hasOwnProperty.call(message, "hostPath"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.hostPath);
                if (message.mode != null && Object.hasOwnProperty.call(message, "mode"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.mode);
                return writer;
            };

            /**
             * Decodes a VolumeSpec message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.VolumeSpec
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.VolumeSpec} VolumeSpec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            VolumeSpec.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.VolumeSpec();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.containerPath = reader.string();
                            break;
                        }
                    case 2: {
                            message.hostPath = reader.string();
                            break;
                        }
                    case 3: {
                            message.mode = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates a VolumeSpec message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.VolumeSpec
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.VolumeSpec} VolumeSpec
             */
            VolumeSpec.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.VolumeSpec)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.VolumeSpec: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.VolumeSpec();
                if (object.containerPath != null)
                    message.containerPath = String(object.containerPath);
                if (object.hostPath != null)
                    message.hostPath = String(object.hostPath);
                if (object.mode != null)
                    message.mode = String(object.mode);
                return message;
            };

            /**
             * Creates a plain object from a VolumeSpec message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.VolumeSpec
             * @static
             * @param {berth.v1.VolumeSpec} message VolumeSpec
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            VolumeSpec.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.containerPath = "";
                    object.hostPath = "";
                    object.mode = "";
                }
                if (message.containerPath != null && Object.hasOwnProperty.call(message, "containerPath"))
                    object.containerPath = message.containerPath;
                if (message.hostPath != null && Object.hasOwnProperty.call(message, "hostPath"))
                    object.hostPath = message.hostPath;
                if (message.mode != null && Object.hasOwnProperty.call(message, "mode"))
                    object.mode = message.mode;
                return object;
            };

            /**
             * Converts this VolumeSpec to JSON.
             * @function toJSON
             * @memberof berth.v1.VolumeSpec
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            VolumeSpec.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return VolumeSpec;
        })();

        v1.TaskSpec = (function() {

            /**
             * Properties of a TaskSpec.
             * @memberof berth.v1
             * @interface ITaskSpec
             * @property {string|null} [taskId] TaskSpec taskId
             * @property {string|null} [appId] TaskSpec appId
             * @property {string|null} [version] TaskSpec version
             * @property {string|null} [image] TaskSpec image
             * @property {boolean|null} [forcePullImage] TaskSpec forcePullImage
             * @property {boolean|null} [privileged] TaskSpec privileged
             * @property {string|null} [cmd] TaskSpec cmd
             * @property {Array.<string>|null} [args] TaskSpec args
             * @property {boolean|null} [hasArgs] TaskSpec hasArgs
             * @property {Object.<string,string>|null} [env] TaskSpec env
             * @property {Object.<string,string>|null} [labels] TaskSpec labels
             * @property {string|null} [user] TaskSpec user
             * @property {number|null} [cpus] TaskSpec cpus
             * @property {number|null} [mem] TaskSpec mem
             * @property {number|null} [disk] TaskSpec disk
             * @property {Array.<number>|null} [ports] TaskSpec ports
             * @property {Array.<string>|null} [portNames] TaskSpec portNames
             * @property {number|null} [killGracePeriodSeconds] TaskSpec killGracePeriodSeconds
             * @property {Array.<berth.v1.IKeyValue>|null} [parameters] TaskSpec parameters
             * @property {Array.<berth.v1.IVolumeSpec>|null} [volumes] TaskSpec volumes
             * @property {string|null} [networkMode] TaskSpec networkMode
             * @property {string|null} [healthChecksJson] TaskSpec healthChecksJson
             * @property {number|null} [pullTimeoutSeconds] TaskSpec pullTimeoutSeconds
             * @property {string|null} [pullAuthJson] TaskSpec pullAuthJson
             * @property {string|null} [readinessChecksJson] TaskSpec readinessChecksJson
             * @property {number|null} [pidsLimit] TaskSpec pidsLimit
             * @property {Uint8Array|null} [sealedEnv] TaskSpec sealedEnv
             * @property {Array.<berth.v1.IPortMappingSpec>|null} [portMappings] TaskSpec portMappings
             * @property {Array.<berth.v1.IFetchSpec>|null} [fetch] TaskSpec fetch
             * @property {Array.<berth.v1.IPodMemberSpec>|null} [members] TaskSpec members
             */

            /**
             * Constructs a new TaskSpec.
             * @memberof berth.v1
             * @classdesc Represents a TaskSpec.
             * @implements ITaskSpec
             * @constructor
             * @param {berth.v1.ITaskSpec=} [properties] Properties to set
             */
            function TaskSpec(properties) {
                this.args = [];
                this.env = {};
                this.labels = {};
                this.ports = [];
                this.portNames = [];
                this.parameters = [];
                this.volumes = [];
                this.portMappings = [];
                this.fetch = [];
                this.members = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * TaskSpec taskId.
             * @member {string} taskId
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.taskId = "";

            /**
             * TaskSpec appId.
             * @member {string} appId
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.appId = "";

            /**
             * TaskSpec version.
             * @member {string} version
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.version = "";

            /**
             * TaskSpec image.
             * @member {string} image
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.image = "";

            /**
             * TaskSpec forcePullImage.
             * @member {boolean} forcePullImage
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.forcePullImage = false;

            /**
             * TaskSpec privileged.
             * @member {boolean} privileged
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.privileged = false;

            /**
             * TaskSpec cmd.
             * @member {string} cmd
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.cmd = "";

            /**
             * TaskSpec args.
             * @member {Array.<string>} args
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.args = $util.emptyArray;

            /**
             * TaskSpec hasArgs.
             * @member {boolean} hasArgs
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.hasArgs = false;

            /**
             * TaskSpec env.
             * @member {Object.<string,string>} env
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.env = $util.emptyObject;

            /**
             * TaskSpec labels.
             * @member {Object.<string,string>} labels
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.labels = $util.emptyObject;

            /**
             * TaskSpec user.
             * @member {string} user
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.user = "";

            /**
             * TaskSpec cpus.
             * @member {number} cpus
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.cpus = 0;

            /**
             * TaskSpec mem.
             * @member {number} mem
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.mem = 0;

            /**
             * TaskSpec disk.
             * @member {number} disk
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.disk = 0;

            /**
             * TaskSpec ports.
             * @member {Array.<number>} ports
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.ports = $util.emptyArray;

            /**
             * TaskSpec portNames.
             * @member {Array.<string>} portNames
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.portNames = $util.emptyArray;

            /**
             * TaskSpec killGracePeriodSeconds.
             * @member {number} killGracePeriodSeconds
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.killGracePeriodSeconds = 0;

            /**
             * TaskSpec parameters.
             * @member {Array.<berth.v1.IKeyValue>} parameters
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.parameters = $util.emptyArray;

            /**
             * TaskSpec volumes.
             * @member {Array.<berth.v1.IVolumeSpec>} volumes
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.volumes = $util.emptyArray;

            /**
             * TaskSpec networkMode.
             * @member {string} networkMode
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.networkMode = "";

            /**
             * TaskSpec healthChecksJson.
             * @member {string} healthChecksJson
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.healthChecksJson = "";

            /**
             * TaskSpec pullTimeoutSeconds.
             * @member {number} pullTimeoutSeconds
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.pullTimeoutSeconds = 0;

            /**
             * TaskSpec pullAuthJson.
             * @member {string} pullAuthJson
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.pullAuthJson = "";

            /**
             * TaskSpec readinessChecksJson.
             * @member {string} readinessChecksJson
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.readinessChecksJson = "";

            /**
             * TaskSpec pidsLimit.
             * @member {number} pidsLimit
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.pidsLimit = 0;

            /**
             * TaskSpec sealedEnv.
             * @member {Uint8Array} sealedEnv
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.sealedEnv = $util.newBuffer([]);

            /**
             * TaskSpec portMappings.
             * @member {Array.<berth.v1.IPortMappingSpec>} portMappings
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.portMappings = $util.emptyArray;

            /**
             * TaskSpec fetch.
             * @member {Array.<berth.v1.IFetchSpec>} fetch
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.fetch = $util.emptyArray;

            /**
             * TaskSpec members.
             * @member {Array.<berth.v1.IPodMemberSpec>} members
             * @memberof berth.v1.TaskSpec
             * @instance
             */
            TaskSpec.prototype.members = $util.emptyArray;

            /**
             * Creates a new TaskSpec instance using the specified properties.
             * @function create
             * @memberof berth.v1.TaskSpec
             * @static
             * @param {berth.v1.ITaskSpec=} [properties] Properties to set
             * @returns {berth.v1.TaskSpec} TaskSpec instance
             */
            TaskSpec.create = function create(properties) {
                return new TaskSpec(properties);
            };

            /**
             * Encodes the specified TaskSpec message. Does not implicitly {@link berth.v1.TaskSpec.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.TaskSpec
             * @static
             * @param {berth.v1.ITaskSpec} message TaskSpec message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TaskSpec.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.taskId != null && Object.hasOwnProperty.call(message, "taskId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.taskId);
                if (message.appId != null && Object.hasOwnProperty.call(message, "appId"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.appId);
                if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.version);
                if (message.image != null && Object.hasOwnProperty.call(message, "image"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.image);
                if (message.forcePullImage != null && Object.hasOwnProperty.call(message, "forcePullImage"))
                    writer.uint32(/* id 5, wireType 0 =*/40).bool(message.forcePullImage);
                if (message.privileged != null && Object.hasOwnProperty.call(message, "privileged"))
                    writer.uint32(/* id 6, wireType 0 =*/48).bool(message.privileged);
                if (message.cmd != null && Object.hasOwnProperty.call(message, "cmd"))
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.cmd);
                if (message.args != null && message.args.length)
                    for (let i = 0; i < message.args.length; ++i)
                        writer.uint32(/* id 8, wireType 2 =*/66).string(message.args[i]);
                if (message.hasArgs != null && Object.hasOwnProperty.call(message, "hasArgs"))
                    writer.uint32(/* id 9, wireType 0 =*/72).bool(message.hasArgs);
                if (message.env != null && Object.hasOwnProperty.call(message, "env"))
                    for (let keys = Object.keys(message.env), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 10, wireType 2 =*/82).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.env[keys[i]]).ldelim();
                if (message.labels != null && Object.hasOwnProperty.call(message, "labels"))
                    for (let keys = Object.keys(message.labels), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 11, wireType 2 =*/90).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.labels[keys[i]]).ldelim();
                if (message.user != null && Object.hasOwnProperty.call(message, "user"))
                    writer.uint32(/* id 12, wireType 2 =*/98).string(message.user);
                if (message.cpus != null && Object.hasOwnProperty.call(message, "cpus"))
                    writer.uint32(/* id 13, wireType 1 =*/105).double(message.cpus);
                if (message.mem != null && Object.hasOwnProperty.call(message, "mem"))
                    writer.uint32(/* id 14, wireType 1 =*/113).double(message.mem);
                if (message.disk != null && Object.hasOwnProperty.call(message, "disk"))
                    writer.uint32(/* id 15, wireType 1 =*/121).double(message.disk);
                if (message.ports != null && message.ports.length) {
                    writer.uint32(/* id 16, wireType 2 =*/130).fork();
                    for (let i = 0; i < message.ports.length; ++i)
                        writer.uint32(message.ports[i]);
                    writer.ldelim();
                }
                if (message.portNames != null && message.portNames.length)
                    for (let i = 0; i < message.portNames.length; ++i)
                        writer.uint32(/* id 17, wireType 2 =*/138).string(message.portNames[i]);
                if (message.killGracePeriodSeconds != null && Object.hasOwnProperty.call(message, "killGracePeriodSeconds"))
                    writer.uint32(/* id 18, wireType 0 =*/144).uint32(message.killGracePeriodSeconds);
                if (message.parameters != null && message.parameters.length)
                    for (let i = 0; i < message.parameters.length; ++i)
                        $root.berth.v1.KeyValue.encode(message.parameters[i], writer.uint32(/* id 19, wireType 2 =*/154).fork(), q + 1).ldelim();
                if (message.volumes != null && message.volumes.length)
                    for (let i = 0; i < message.volumes.length; ++i)
                        $root.berth.v1.VolumeSpec.encode(message.volumes[i], writer.uint32(/* id 20, wireType 2 =*/162).fork(), q + 1).ldelim();
                if (message.networkMode != null && Object.hasOwnProperty.call(message, "networkMode"))
                    writer.uint32(/* id 21, wireType 2 =*/170).string(message.networkMode);
                if (message.healthChecksJson != null && Object.hasOwnProperty.call(message, "healthChecksJson"))
                    writer.uint32(/* id 22, wireType 2 =*/178).string(message.healthChecksJson);
                if (message.pullTimeoutSeconds != null && Object.hasOwnProperty.call(message, "pullTimeoutSeconds"))
                    writer.uint32(/* id 23, wireType 0 =*/184).uint32(message.pullTimeoutSeconds);
                if (message.pullAuthJson != null && Object.hasOwnProperty.call(message, "pullAuthJson"))
                    writer.uint32(/* id 24, wireType 2 =*/194).string(message.pullAuthJson);
                if (message.readinessChecksJson != null && Object.hasOwnProperty.call(message, "readinessChecksJson"))
                    writer.uint32(/* id 25, wireType 2 =*/202).string(message.readinessChecksJson);
                if (message.pidsLimit != null && Object.hasOwnProperty.call(message, "pidsLimit"))
                    writer.uint32(/* id 26, wireType 0 =*/208).uint32(message.pidsLimit);
                if (message.sealedEnv != null && Object.hasOwnProperty.call(message, "sealedEnv"))
                    writer.uint32(/* id 27, wireType 2 =*/218).bytes(message.sealedEnv);
                if (message.portMappings != null && message.portMappings.length)
                    for (let i = 0; i < message.portMappings.length; ++i)
                        $root.berth.v1.PortMappingSpec.encode(message.portMappings[i], writer.uint32(/* id 28, wireType 2 =*/226).fork(), q + 1).ldelim();
                if (message.fetch != null && message.fetch.length)
                    for (let i = 0; i < message.fetch.length; ++i)
                        $root.berth.v1.FetchSpec.encode(message.fetch[i], writer.uint32(/* id 29, wireType 2 =*/234).fork(), q + 1).ldelim();
                if (message.members != null && message.members.length)
                    for (let i = 0; i < message.members.length; ++i)
                        $root.berth.v1.PodMemberSpec.encode(message.members[i], writer.uint32(/* id 30, wireType 2 =*/242).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a TaskSpec message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.TaskSpec
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.TaskSpec} TaskSpec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TaskSpec.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message, key, value;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.TaskSpec();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.taskId = reader.string();
                            break;
                        }
                    case 2: {
                            message.appId = reader.string();
                            break;
                        }
                    case 3: {
                            message.version = reader.string();
                            break;
                        }
                    case 4: {
                            message.image = reader.string();
                            break;
                        }
                    case 5: {
                            message.forcePullImage = reader.bool();
                            break;
                        }
                    case 6: {
                            message.privileged = reader.bool();
                            break;
                        }
                    case 7: {
                            message.cmd = reader.string();
                            break;
                        }
                    case 8: {
                            if (!(message.args && message.args.length))
                                message.args = [];
                            message.args.push(reader.string());
                            break;
                        }
                    case 9: {
                            message.hasArgs = reader.bool();
                            break;
                        }
                    case 10: {
                            if (message.env === $util.emptyObject)
                                message.env = {};
                            let end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                let tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.env, key);
                            message.env[key] = value;
                            break;
                        }
                    case 11: {
                            if (message.labels === $util.emptyObject)
                                message.labels = {};
                            let end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                let tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.labels, key);
                            message.labels[key] = value;
                            break;
                        }
                    case 12: {
                            message.user = reader.string();
                            break;
                        }
                    case 13: {
                            message.cpus = reader.double();
                            break;
                        }
                    case 14: {
                            message.mem = reader.double();
                            break;
                        }
                    case 15: {
                            message.disk = reader.double();
                            break;
                        }
                    case 16: {
                            if (!(message.ports && message.ports.length))
                                message.ports = [];
                            if ((tag & 7) === 2) {
                                let end2 = reader.uint32() + reader.pos;
                                if (end2 > reader.len)
                                    throw RangeError("index out of range");
                                reader.len = end2;
                                while (reader.pos < end2)
                                    message.ports.push(reader.uint32());
                                if (reader.pos !== end2)
                                    throw RangeError("index out of range");
                                reader.len = end;
                            } else
                                message.ports.push(reader.uint32());
                            break;
                        }
                    case 17: {
                            if (!(message.portNames && message.portNames.length))
                                message.portNames = [];
                            message.portNames.push(reader.string());
                            break;
                        }
                    case 18: {
                            message.killGracePeriodSeconds = reader.uint32();
                            break;
                        }
                    case 19: {
                            if (!(message.parameters && message.parameters.length))
                                message.parameters = [];
                            message.parameters.push($root.berth.v1.KeyValue.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 20: {
                            if (!(message.volumes && message.volumes.length))
                                message.volumes = [];
                            message.volumes.push($root.berth.v1.VolumeSpec.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 21: {
                            message.networkMode = reader.string();
                            break;
                        }
                    case 22: {
                            message.healthChecksJson = reader.string();
                            break;
                        }
                    case 23: {
                            message.pullTimeoutSeconds = reader.uint32();
                            break;
                        }
                    case 24: {
                            message.pullAuthJson = reader.string();
                            break;
                        }
                    case 25: {
                            message.readinessChecksJson = reader.string();
                            break;
                        }
                    case 26: {
                            message.pidsLimit = reader.uint32();
                            break;
                        }
                    case 27: {
                            message.sealedEnv = reader.bytes();
                            break;
                        }
                    case 28: {
                            if (!(message.portMappings && message.portMappings.length))
                                message.portMappings = [];
                            message.portMappings.push($root.berth.v1.PortMappingSpec.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 29: {
                            if (!(message.fetch && message.fetch.length))
                                message.fetch = [];
                            message.fetch.push($root.berth.v1.FetchSpec.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 30: {
                            if (!(message.members && message.members.length))
                                message.members = [];
                            message.members.push($root.berth.v1.PodMemberSpec.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates a TaskSpec message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.TaskSpec
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.TaskSpec} TaskSpec
             */
            TaskSpec.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.TaskSpec)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.TaskSpec: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.TaskSpec();
                if (object.taskId != null)
                    message.taskId = String(object.taskId);
                if (object.appId != null)
                    message.appId = String(object.appId);
                if (object.version != null)
                    message.version = String(object.version);
                if (object.image != null)
                    message.image = String(object.image);
                if (object.forcePullImage != null)
                    message.forcePullImage = Boolean(object.forcePullImage);
                if (object.privileged != null)
                    message.privileged = Boolean(object.privileged);
                if (object.cmd != null)
                    message.cmd = String(object.cmd);
                if (object.args) {
                    if (!Array.isArray(object.args))
                        throw TypeError(".berth.v1.TaskSpec.args: array expected");
                    message.args = [];
                    for (let i = 0; i < object.args.length; ++i)
                        message.args[i] = String(object.args[i]);
                }
                if (object.hasArgs != null)
                    message.hasArgs = Boolean(object.hasArgs);
                if (object.env) {
                    if (!$util.isObject(object.env))
                        throw TypeError(".berth.v1.TaskSpec.env: object expected");
                    message.env = {};
                    for (let keys = Object.keys(object.env), i = 0; i < keys.length; ++i) {
                        if (keys[i] === "__proto__")
                            $util.makeProp(message.env, keys[i]);
                        message.env[keys[i]] = String(object.env[keys[i]]);
                    }
                }
                if (object.labels) {
                    if (!$util.isObject(object.labels))
                        throw TypeError(".berth.v1.TaskSpec.labels: object expected");
                    message.labels = {};
                    for (let keys = Object.keys(object.labels), i = 0; i < keys.length; ++i) {
                        if (keys[i] === "__proto__")
                            $util.makeProp(message.labels, keys[i]);
                        message.labels[keys[i]] = String(object.labels[keys[i]]);
                    }
                }
                if (object.user != null)
                    message.user = String(object.user);
                if (object.cpus != null)
                    message.cpus = Number(object.cpus);
                if (object.mem != null)
                    message.mem = Number(object.mem);
                if (object.disk != null)
                    message.disk = Number(object.disk);
                if (object.ports) {
                    if (!Array.isArray(object.ports))
                        throw TypeError(".berth.v1.TaskSpec.ports: array expected");
                    message.ports = [];
                    for (let i = 0; i < object.ports.length; ++i)
                        message.ports[i] = object.ports[i] >>> 0;
                }
                if (object.portNames) {
                    if (!Array.isArray(object.portNames))
                        throw TypeError(".berth.v1.TaskSpec.portNames: array expected");
                    message.portNames = [];
                    for (let i = 0; i < object.portNames.length; ++i)
                        message.portNames[i] = String(object.portNames[i]);
                }
                if (object.killGracePeriodSeconds != null)
                    message.killGracePeriodSeconds = object.killGracePeriodSeconds >>> 0;
                if (object.parameters) {
                    if (!Array.isArray(object.parameters))
                        throw TypeError(".berth.v1.TaskSpec.parameters: array expected");
                    message.parameters = [];
                    for (let i = 0; i < object.parameters.length; ++i) {
                        if (!$util.isObject(object.parameters[i]))
                            throw TypeError(".berth.v1.TaskSpec.parameters: object expected");
                        message.parameters[i] = $root.berth.v1.KeyValue.fromObject(object.parameters[i], long + 1);
                    }
                }
                if (object.volumes) {
                    if (!Array.isArray(object.volumes))
                        throw TypeError(".berth.v1.TaskSpec.volumes: array expected");
                    message.volumes = [];
                    for (let i = 0; i < object.volumes.length; ++i) {
                        if (!$util.isObject(object.volumes[i]))
                            throw TypeError(".berth.v1.TaskSpec.volumes: object expected");
                        message.volumes[i] = $root.berth.v1.VolumeSpec.fromObject(object.volumes[i], long + 1);
                    }
                }
                if (object.networkMode != null)
                    message.networkMode = String(object.networkMode);
                if (object.healthChecksJson != null)
                    message.healthChecksJson = String(object.healthChecksJson);
                if (object.pullTimeoutSeconds != null)
                    message.pullTimeoutSeconds = object.pullTimeoutSeconds >>> 0;
                if (object.pullAuthJson != null)
                    message.pullAuthJson = String(object.pullAuthJson);
                if (object.readinessChecksJson != null)
                    message.readinessChecksJson = String(object.readinessChecksJson);
                if (object.pidsLimit != null)
                    message.pidsLimit = object.pidsLimit >>> 0;
                if (object.sealedEnv != null)
                    if (typeof object.sealedEnv === "string")
                        $util.base64.decode(object.sealedEnv, message.sealedEnv = $util.newBuffer($util.base64.length(object.sealedEnv)), 0);
                    else if (object.sealedEnv.length >= 0)
                        message.sealedEnv = object.sealedEnv;
                if (object.portMappings) {
                    if (!Array.isArray(object.portMappings))
                        throw TypeError(".berth.v1.TaskSpec.portMappings: array expected");
                    message.portMappings = [];
                    for (let i = 0; i < object.portMappings.length; ++i) {
                        if (!$util.isObject(object.portMappings[i]))
                            throw TypeError(".berth.v1.TaskSpec.portMappings: object expected");
                        message.portMappings[i] = $root.berth.v1.PortMappingSpec.fromObject(object.portMappings[i], long + 1);
                    }
                }
                if (object.fetch) {
                    if (!Array.isArray(object.fetch))
                        throw TypeError(".berth.v1.TaskSpec.fetch: array expected");
                    message.fetch = [];
                    for (let i = 0; i < object.fetch.length; ++i) {
                        if (!$util.isObject(object.fetch[i]))
                            throw TypeError(".berth.v1.TaskSpec.fetch: object expected");
                        message.fetch[i] = $root.berth.v1.FetchSpec.fromObject(object.fetch[i], long + 1);
                    }
                }
                if (object.members) {
                    if (!Array.isArray(object.members))
                        throw TypeError(".berth.v1.TaskSpec.members: array expected");
                    message.members = [];
                    for (let i = 0; i < object.members.length; ++i) {
                        if (!$util.isObject(object.members[i]))
                            throw TypeError(".berth.v1.TaskSpec.members: object expected");
                        message.members[i] = $root.berth.v1.PodMemberSpec.fromObject(object.members[i], long + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a TaskSpec message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.TaskSpec
             * @static
             * @param {berth.v1.TaskSpec} message TaskSpec
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TaskSpec.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.args = [];
                    object.ports = [];
                    object.portNames = [];
                    object.parameters = [];
                    object.volumes = [];
                    object.portMappings = [];
                    object.fetch = [];
                    object.members = [];
                }
                if (options.objects || options.defaults) {
                    object.env = {};
                    object.labels = {};
                }
                if (options.defaults) {
                    object.taskId = "";
                    object.appId = "";
                    object.version = "";
                    object.image = "";
                    object.forcePullImage = false;
                    object.privileged = false;
                    object.cmd = "";
                    object.hasArgs = false;
                    object.user = "";
                    object.cpus = 0;
                    object.mem = 0;
                    object.disk = 0;
                    object.killGracePeriodSeconds = 0;
                    object.networkMode = "";
                    object.healthChecksJson = "";
                    object.pullTimeoutSeconds = 0;
                    object.pullAuthJson = "";
                    object.readinessChecksJson = "";
                    object.pidsLimit = 0;
                    if (options.bytes === String)
                        object.sealedEnv = "";
                    else {
                        object.sealedEnv = [];
                        if (options.bytes !== Array)
                            object.sealedEnv = $util.newBuffer(object.sealedEnv);
                    }
                }
                if (message.taskId != null && Object.hasOwnProperty.call(message, "taskId"))
                    object.taskId = message.taskId;
                if (message.appId != null && Object.hasOwnProperty.call(message, "appId"))
                    object.appId = message.appId;
                if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                    object.version = message.version;
                if (message.image != null && Object.hasOwnProperty.call(message, "image"))
                    object.image = message.image;
                if (message.forcePullImage != null && Object.hasOwnProperty.call(message, "forcePullImage"))
                    object.forcePullImage = message.forcePullImage;
                if (message.privileged != null && Object.hasOwnProperty.call(message, "privileged"))
                    object.privileged = message.privileged;
                if (message.cmd != null && Object.hasOwnProperty.call(message, "cmd"))
                    object.cmd = message.cmd;
                if (message.args && message.args.length) {
                    object.args = [];
                    for (let j = 0; j < message.args.length; ++j)
                        object.args[j] = message.args[j];
                }
                if (message.hasArgs != null && Object.hasOwnProperty.call(message, "hasArgs"))
                    object.hasArgs = message.hasArgs;
                let keys2;
                if (message.env && (keys2 = Object.keys(message.env)).length) {
                    object.env = {};
                    for (let j = 0; j < keys2.length; ++j) {
                        if (keys2[j] === "__proto__")
                            $util.makeProp(object.env, keys2[j]);
                        object.env[keys2[j]] = message.env[keys2[j]];
                    }
                }
                if (message.labels && (keys2 = Object.keys(message.labels)).length) {
                    object.labels = {};
                    for (let j = 0; j < keys2.length; ++j) {
                        if (keys2[j] === "__proto__")
                            $util.makeProp(object.labels, keys2[j]);
                        object.labels[keys2[j]] = message.labels[keys2[j]];
                    }
                }
                if (message.user != null && Object.hasOwnProperty.call(message, "user"))
                    object.user = message.user;
                if (message.cpus != null && Object.hasOwnProperty.call(message, "cpus"))
                    object.cpus = options.json && !isFinite(message.cpus) ? String(message.cpus) : message.cpus;
                if (message.mem != null && Object.hasOwnProperty.call(message, "mem"))
                    object.mem = options.json && !isFinite(message.mem) ? String(message.mem) : message.mem;
                if (message.disk != null && Object.hasOwnProperty.call(message, "disk"))
                    object.disk = options.json && !isFinite(message.disk) ? String(message.disk) : message.disk;
                if (message.ports && message.ports.length) {
                    object.ports = [];
                    for (let j = 0; j < message.ports.length; ++j)
                        object.ports[j] = message.ports[j];
                }
                if (message.portNames && message.portNames.length) {
                    object.portNames = [];
                    for (let j = 0; j < message.portNames.length; ++j)
                        object.portNames[j] = message.portNames[j];
                }
                if (message.killGracePeriodSeconds != null && Object.hasOwnProperty.call(message, "killGracePeriodSeconds"))
                    object.killGracePeriodSeconds = message.killGracePeriodSeconds;
                if (message.parameters && message.parameters.length) {
                    object.parameters = [];
                    for (let j = 0; j < message.parameters.length; ++j)
                        object.parameters[j] = $root.berth.v1.KeyValue.toObject(message.parameters[j], options, q + 1);
                }
                if (message.volumes && message.volumes.length) {
                    object.volumes = [];
                    for (let j = 0; j < message.volumes.length; ++j)
                        object.volumes[j] = $root.berth.v1.VolumeSpec.toObject(message.volumes[j], options, q + 1);
                }
                if (message.networkMode != null && Object.hasOwnProperty.call(message, "networkMode"))
                    object.networkMode = message.networkMode;
                if (message.healthChecksJson != null && Object.hasOwnProperty.call(message, "healthChecksJson"))
                    object.healthChecksJson = message.healthChecksJson;
                if (message.pullTimeoutSeconds != null && Object.hasOwnProperty.call(message, "pullTimeoutSeconds"))
                    object.pullTimeoutSeconds = message.pullTimeoutSeconds;
                if (message.pullAuthJson != null && Object.hasOwnProperty.call(message, "pullAuthJson"))
                    object.pullAuthJson = message.pullAuthJson;
                if (message.readinessChecksJson != null && Object.hasOwnProperty.call(message, "readinessChecksJson"))
                    object.readinessChecksJson = message.readinessChecksJson;
                if (message.pidsLimit != null && Object.hasOwnProperty.call(message, "pidsLimit"))
                    object.pidsLimit = message.pidsLimit;
                if (message.sealedEnv != null && Object.hasOwnProperty.call(message, "sealedEnv"))
                    object.sealedEnv = options.bytes === String ? $util.base64.encode(message.sealedEnv, 0, message.sealedEnv.length) : options.bytes === Array ? Array.prototype.slice.call(message.sealedEnv) : message.sealedEnv;
                if (message.portMappings && message.portMappings.length) {
                    object.portMappings = [];
                    for (let j = 0; j < message.portMappings.length; ++j)
                        object.portMappings[j] = $root.berth.v1.PortMappingSpec.toObject(message.portMappings[j], options, q + 1);
                }
                if (message.fetch && message.fetch.length) {
                    object.fetch = [];
                    for (let j = 0; j < message.fetch.length; ++j)
                        object.fetch[j] = $root.berth.v1.FetchSpec.toObject(message.fetch[j], options, q + 1);
                }
                if (message.members && message.members.length) {
                    object.members = [];
                    for (let j = 0; j < message.members.length; ++j)
                        object.members[j] = $root.berth.v1.PodMemberSpec.toObject(message.members[j], options, q + 1);
                }
                return object;
            };

            /**
             * Converts this TaskSpec to JSON.
             * @function toJSON
             * @memberof berth.v1.TaskSpec
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TaskSpec.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return TaskSpec;
        })();

        v1.PodMemberSpec = (function() {

            /**
             * Properties of a PodMemberSpec.
             * @memberof berth.v1
             * @interface IPodMemberSpec
             * @property {string|null} [name] PodMemberSpec name
             * @property {string|null} [image] PodMemberSpec image
             * @property {boolean|null} [forcePull] PodMemberSpec forcePull
             * @property {string|null} [cmd] PodMemberSpec cmd
             * @property {Array.<string>|null} [args] PodMemberSpec args
             * @property {boolean|null} [hasArgs] PodMemberSpec hasArgs
             * @property {Object.<string,string>|null} [env] PodMemberSpec env
             * @property {number|null} [cpus] PodMemberSpec cpus
             * @property {number|null} [mem] PodMemberSpec mem
             * @property {string|null} [user] PodMemberSpec user
             * @property {Array.<berth.v1.IPodMountSpec>|null} [mounts] PodMemberSpec mounts
             */

            /**
             * Constructs a new PodMemberSpec.
             * @memberof berth.v1
             * @classdesc Represents a PodMemberSpec.
             * @implements IPodMemberSpec
             * @constructor
             * @param {berth.v1.IPodMemberSpec=} [properties] Properties to set
             */
            function PodMemberSpec(properties) {
                this.args = [];
                this.env = {};
                this.mounts = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * PodMemberSpec name.
             * @member {string} name
             * @memberof berth.v1.PodMemberSpec
             * @instance
             */
            PodMemberSpec.prototype.name = "";

            /**
             * PodMemberSpec image.
             * @member {string} image
             * @memberof berth.v1.PodMemberSpec
             * @instance
             */
            PodMemberSpec.prototype.image = "";

            /**
             * PodMemberSpec forcePull.
             * @member {boolean} forcePull
             * @memberof berth.v1.PodMemberSpec
             * @instance
             */
            PodMemberSpec.prototype.forcePull = false;

            /**
             * PodMemberSpec cmd.
             * @member {string} cmd
             * @memberof berth.v1.PodMemberSpec
             * @instance
             */
            PodMemberSpec.prototype.cmd = "";

            /**
             * PodMemberSpec args.
             * @member {Array.<string>} args
             * @memberof berth.v1.PodMemberSpec
             * @instance
             */
            PodMemberSpec.prototype.args = $util.emptyArray;

            /**
             * PodMemberSpec hasArgs.
             * @member {boolean} hasArgs
             * @memberof berth.v1.PodMemberSpec
             * @instance
             */
            PodMemberSpec.prototype.hasArgs = false;

            /**
             * PodMemberSpec env.
             * @member {Object.<string,string>} env
             * @memberof berth.v1.PodMemberSpec
             * @instance
             */
            PodMemberSpec.prototype.env = $util.emptyObject;

            /**
             * PodMemberSpec cpus.
             * @member {number} cpus
             * @memberof berth.v1.PodMemberSpec
             * @instance
             */
            PodMemberSpec.prototype.cpus = 0;

            /**
             * PodMemberSpec mem.
             * @member {number} mem
             * @memberof berth.v1.PodMemberSpec
             * @instance
             */
            PodMemberSpec.prototype.mem = 0;

            /**
             * PodMemberSpec user.
             * @member {string} user
             * @memberof berth.v1.PodMemberSpec
             * @instance
             */
            PodMemberSpec.prototype.user = "";

            /**
             * PodMemberSpec mounts.
             * @member {Array.<berth.v1.IPodMountSpec>} mounts
             * @memberof berth.v1.PodMemberSpec
             * @instance
             */
            PodMemberSpec.prototype.mounts = $util.emptyArray;

            /**
             * Creates a new PodMemberSpec instance using the specified properties.
             * @function create
             * @memberof berth.v1.PodMemberSpec
             * @static
             * @param {berth.v1.IPodMemberSpec=} [properties] Properties to set
             * @returns {berth.v1.PodMemberSpec} PodMemberSpec instance
             */
            PodMemberSpec.create = function create(properties) {
                return new PodMemberSpec(properties);
            };

            /**
             * Encodes the specified PodMemberSpec message. Does not implicitly {@link berth.v1.PodMemberSpec.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.PodMemberSpec
             * @static
             * @param {berth.v1.IPodMemberSpec} message PodMemberSpec message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PodMemberSpec.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.image != null && Object.hasOwnProperty.call(message, "image"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.image);
                if (message.forcePull != null && Object.hasOwnProperty.call(message, "forcePull"))
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.forcePull);
                if (message.cmd != null && Object.hasOwnProperty.call(message, "cmd"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.cmd);
                if (message.args != null && message.args.length)
                    for (let i = 0; i < message.args.length; ++i)
                        writer.uint32(/* id 5, wireType 2 =*/42).string(message.args[i]);
                if (message.hasArgs != null && Object.hasOwnProperty.call(message, "hasArgs"))
                    writer.uint32(/* id 6, wireType 0 =*/48).bool(message.hasArgs);
                if (message.env != null && Object.hasOwnProperty.call(message, "env"))
                    for (let keys = Object.keys(message.env), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 7, wireType 2 =*/58).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.env[keys[i]]).ldelim();
                if (message.cpus != null && Object.hasOwnProperty.call(message, "cpus"))
                    writer.uint32(/* id 8, wireType 1 =*/65).double(message.cpus);
                if (message.mem != null && Object.hasOwnProperty.call(message, "mem"))
                    writer.uint32(/* id 9, wireType 1 =*/73).double(message.mem);
                if (message.user != null && Object.hasOwnProperty.call(message, "user"))
                    writer.uint32(/* id 10, wireType 2 =*/82).string(message.user);
                if (message.mounts != null && message.mounts.length)
                    for (let i = 0; i < message.mounts.length; ++i)
                        $root.berth.v1.PodMountSpec.encode(message.mounts[i], writer.uint32(/* id 11, wireType 2 =*/90).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a PodMemberSpec message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.PodMemberSpec
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.PodMemberSpec} PodMemberSpec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PodMemberSpec.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message, key, value;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.PodMemberSpec();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.name = reader.string();
                            break;
                        }
                    case 2: {
                            message.image = reader.string();
                            break;
                        }
                    case 3: {
                            message.forcePull = reader.bool();
                            break;
                        }
                    case 4: {
                            message.cmd = reader.string();
                            break;
                        }
                    case 5: {
                            if (!(message.args && message.args.length))
                                message.args = [];
                            message.args.push(reader.string());
                            break;
                        }
                    case 6: {
                            message.hasArgs = reader.bool();
                            break;
                        }
                    case 7: {
                            if (message.env === $util.emptyObject)
                                message.env = {};
                            let end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                let tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.env, key);
                            message.env[key] = value;
                            break;
                        }
                    case 8: {
                            message.cpus = reader.double();
                            break;
                        }
                    case 9: {
                            message.mem = reader.double();
                            break;
                        }
                    case 10: {
                            message.user = reader.string();
                            break;
                        }
                    case 11: {
                            if (!(message.mounts && message.mounts.length))
                                message.mounts = [];
                            message.mounts.push($root.berth.v1.PodMountSpec.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates a PodMemberSpec message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.PodMemberSpec
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.PodMemberSpec} PodMemberSpec
             */
            PodMemberSpec.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.PodMemberSpec)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.PodMemberSpec: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.PodMemberSpec();
                if (object.name != null)
                    message.name = String(object.name);
                if (object.image != null)
                    message.image = String(object.image);
                if (object.forcePull != null)
                    message.forcePull = Boolean(object.forcePull);
                if (object.cmd != null)
                    message.cmd = String(object.cmd);
                if (object.args) {
                    if (!Array.isArray(object.args))
                        throw TypeError(".berth.v1.PodMemberSpec.args: array expected");
                    message.args = [];
                    for (let i = 0; i < object.args.length; ++i)
                        message.args[i] = String(object.args[i]);
                }
                if (object.hasArgs != null)
                    message.hasArgs = Boolean(object.hasArgs);
                if (object.env) {
                    if (!$util.isObject(object.env))
                        throw TypeError(".berth.v1.PodMemberSpec.env: object expected");
                    message.env = {};
                    for (let keys = Object.keys(object.env), i = 0; i < keys.length; ++i) {
                        if (keys[i] === "__proto__")
                            $util.makeProp(message.env, keys[i]);
                        message.env[keys[i]] = String(object.env[keys[i]]);
                    }
                }
                if (object.cpus != null)
                    message.cpus = Number(object.cpus);
                if (object.mem != null)
                    message.mem = Number(object.mem);
                if (object.user != null)
                    message.user = String(object.user);
                if (object.mounts) {
                    if (!Array.isArray(object.mounts))
                        throw TypeError(".berth.v1.PodMemberSpec.mounts: array expected");
                    message.mounts = [];
                    for (let i = 0; i < object.mounts.length; ++i) {
                        if (!$util.isObject(object.mounts[i]))
                            throw TypeError(".berth.v1.PodMemberSpec.mounts: object expected");
                        message.mounts[i] = $root.berth.v1.PodMountSpec.fromObject(object.mounts[i], long + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a PodMemberSpec message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.PodMemberSpec
             * @static
             * @param {berth.v1.PodMemberSpec} message PodMemberSpec
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PodMemberSpec.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.args = [];
                    object.mounts = [];
                }
                if (options.objects || options.defaults)
                    object.env = {};
                if (options.defaults) {
                    object.name = "";
                    object.image = "";
                    object.forcePull = false;
                    object.cmd = "";
                    object.hasArgs = false;
                    object.cpus = 0;
                    object.mem = 0;
                    object.user = "";
                }
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.image != null && Object.hasOwnProperty.call(message, "image"))
                    object.image = message.image;
                if (message.forcePull != null && Object.hasOwnProperty.call(message, "forcePull"))
                    object.forcePull = message.forcePull;
                if (message.cmd != null && Object.hasOwnProperty.call(message, "cmd"))
                    object.cmd = message.cmd;
                if (message.args && message.args.length) {
                    object.args = [];
                    for (let j = 0; j < message.args.length; ++j)
                        object.args[j] = message.args[j];
                }
                if (message.hasArgs != null && Object.hasOwnProperty.call(message, "hasArgs"))
                    object.hasArgs = message.hasArgs;
                let keys2;
                if (message.env && (keys2 = Object.keys(message.env)).length) {
                    object.env = {};
                    for (let j = 0; j < keys2.length; ++j) {
                        if (keys2[j] === "__proto__")
                            $util.makeProp(object.env, keys2[j]);
                        object.env[keys2[j]] = message.env[keys2[j]];
                    }
                }
                if (message.cpus != null && Object.hasOwnProperty.call(message, "cpus"))
                    object.cpus = options.json && !isFinite(message.cpus) ? String(message.cpus) : message.cpus;
                if (message.mem != null && Object.hasOwnProperty.call(message, "mem"))
                    object.mem = options.json && !isFinite(message.mem) ? String(message.mem) : message.mem;
                if (message.user != null && Object.hasOwnProperty.call(message, "user"))
                    object.user = message.user;
                if (message.mounts && message.mounts.length) {
                    object.mounts = [];
                    for (let j = 0; j < message.mounts.length; ++j)
                        object.mounts[j] = $root.berth.v1.PodMountSpec.toObject(message.mounts[j], options, q + 1);
                }
                return object;
            };

            /**
             * Converts this PodMemberSpec to JSON.
             * @function toJSON
             * @memberof berth.v1.PodMemberSpec
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PodMemberSpec.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return PodMemberSpec;
        })();

        v1.PodMountSpec = (function() {

            /**
             * Properties of a PodMountSpec.
             * @memberof berth.v1
             * @interface IPodMountSpec
             * @property {string|null} [containerPath] PodMountSpec containerPath
             * @property {string|null} [hostPath] PodMountSpec hostPath
             * @property {string|null} [sandboxDir] PodMountSpec sandboxDir
             * @property {boolean|null} [readOnly] PodMountSpec readOnly
             */

            /**
             * Constructs a new PodMountSpec.
             * @memberof berth.v1
             * @classdesc Represents a PodMountSpec.
             * @implements IPodMountSpec
             * @constructor
             * @param {berth.v1.IPodMountSpec=} [properties] Properties to set
             */
            function PodMountSpec(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * PodMountSpec containerPath.
             * @member {string} containerPath
             * @memberof berth.v1.PodMountSpec
             * @instance
             */
            PodMountSpec.prototype.containerPath = "";

            /**
             * PodMountSpec hostPath.
             * @member {string} hostPath
             * @memberof berth.v1.PodMountSpec
             * @instance
             */
            PodMountSpec.prototype.hostPath = "";

            /**
             * PodMountSpec sandboxDir.
             * @member {string} sandboxDir
             * @memberof berth.v1.PodMountSpec
             * @instance
             */
            PodMountSpec.prototype.sandboxDir = "";

            /**
             * PodMountSpec readOnly.
             * @member {boolean} readOnly
             * @memberof berth.v1.PodMountSpec
             * @instance
             */
            PodMountSpec.prototype.readOnly = false;

            /**
             * Creates a new PodMountSpec instance using the specified properties.
             * @function create
             * @memberof berth.v1.PodMountSpec
             * @static
             * @param {berth.v1.IPodMountSpec=} [properties] Properties to set
             * @returns {berth.v1.PodMountSpec} PodMountSpec instance
             */
            PodMountSpec.create = function create(properties) {
                return new PodMountSpec(properties);
            };

            /**
             * Encodes the specified PodMountSpec message. Does not implicitly {@link berth.v1.PodMountSpec.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.PodMountSpec
             * @static
             * @param {berth.v1.IPodMountSpec} message PodMountSpec message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PodMountSpec.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.containerPath != null && Object.hasOwnProperty.call(message, "containerPath"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.containerPath);
                if (message.hostPath != null && Object.hasOwnProperty.call(message, "hostPath"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.hostPath);
                if (message.sandboxDir != null && Object.hasOwnProperty.call(message, "sandboxDir"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.sandboxDir);
                if (message.readOnly != null && Object.hasOwnProperty.call(message, "readOnly"))
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.readOnly);
                return writer;
            };

            /**
             * Decodes a PodMountSpec message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.PodMountSpec
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.PodMountSpec} PodMountSpec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PodMountSpec.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.PodMountSpec();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.containerPath = reader.string();
                            break;
                        }
                    case 2: {
                            message.hostPath = reader.string();
                            break;
                        }
                    case 3: {
                            message.sandboxDir = reader.string();
                            break;
                        }
                    case 4: {
                            message.readOnly = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates a PodMountSpec message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.PodMountSpec
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.PodMountSpec} PodMountSpec
             */
            PodMountSpec.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.PodMountSpec)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.PodMountSpec: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.PodMountSpec();
                if (object.containerPath != null)
                    message.containerPath = String(object.containerPath);
                if (object.hostPath != null)
                    message.hostPath = String(object.hostPath);
                if (object.sandboxDir != null)
                    message.sandboxDir = String(object.sandboxDir);
                if (object.readOnly != null)
                    message.readOnly = Boolean(object.readOnly);
                return message;
            };

            /**
             * Creates a plain object from a PodMountSpec message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.PodMountSpec
             * @static
             * @param {berth.v1.PodMountSpec} message PodMountSpec
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PodMountSpec.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.containerPath = "";
                    object.hostPath = "";
                    object.sandboxDir = "";
                    object.readOnly = false;
                }
                if (message.containerPath != null && Object.hasOwnProperty.call(message, "containerPath"))
                    object.containerPath = message.containerPath;
                if (message.hostPath != null && Object.hasOwnProperty.call(message, "hostPath"))
                    object.hostPath = message.hostPath;
                if (message.sandboxDir != null && Object.hasOwnProperty.call(message, "sandboxDir"))
                    object.sandboxDir = message.sandboxDir;
                if (message.readOnly != null && Object.hasOwnProperty.call(message, "readOnly"))
                    object.readOnly = message.readOnly;
                return object;
            };

            /**
             * Converts this PodMountSpec to JSON.
             * @function toJSON
             * @memberof berth.v1.PodMountSpec
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PodMountSpec.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return PodMountSpec;
        })();

        v1.FetchSpec = (function() {

            /**
             * Properties of a FetchSpec.
             * @memberof berth.v1
             * @interface IFetchSpec
             * @property {string|null} [uri] FetchSpec uri
             * @property {boolean|null} [extract] FetchSpec extract
             * @property {boolean|null} [executable] FetchSpec executable
             * @property {boolean|null} [cache] FetchSpec cache
             * @property {string|null} [destPath] FetchSpec destPath
             */

            /**
             * Constructs a new FetchSpec.
             * @memberof berth.v1
             * @classdesc Represents a FetchSpec.
             * @implements IFetchSpec
             * @constructor
             * @param {berth.v1.IFetchSpec=} [properties] Properties to set
             */
            function FetchSpec(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * FetchSpec uri.
             * @member {string} uri
             * @memberof berth.v1.FetchSpec
             * @instance
             */
            FetchSpec.prototype.uri = "";

            /**
             * FetchSpec extract.
             * @member {boolean} extract
             * @memberof berth.v1.FetchSpec
             * @instance
             */
            FetchSpec.prototype.extract = false;

            /**
             * FetchSpec executable.
             * @member {boolean} executable
             * @memberof berth.v1.FetchSpec
             * @instance
             */
            FetchSpec.prototype.executable = false;

            /**
             * FetchSpec cache.
             * @member {boolean} cache
             * @memberof berth.v1.FetchSpec
             * @instance
             */
            FetchSpec.prototype.cache = false;

            /**
             * FetchSpec destPath.
             * @member {string} destPath
             * @memberof berth.v1.FetchSpec
             * @instance
             */
            FetchSpec.prototype.destPath = "";

            /**
             * Creates a new FetchSpec instance using the specified properties.
             * @function create
             * @memberof berth.v1.FetchSpec
             * @static
             * @param {berth.v1.IFetchSpec=} [properties] Properties to set
             * @returns {berth.v1.FetchSpec} FetchSpec instance
             */
            FetchSpec.create = function create(properties) {
                return new FetchSpec(properties);
            };

            /**
             * Encodes the specified FetchSpec message. Does not implicitly {@link berth.v1.FetchSpec.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.FetchSpec
             * @static
             * @param {berth.v1.IFetchSpec} message FetchSpec message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FetchSpec.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.uri != null && Object.hasOwnProperty.call(message, "uri"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.uri);
                if (message.extract != null && Object.hasOwnProperty.call(message, "extract"))
                    writer.uint32(/* id 2, wireType 0 =*/16).bool(message.extract);
                if (message.executable != null && Object.hasOwnProperty.call(message, "executable"))
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.executable);
                if (message.cache != null && Object.hasOwnProperty.call(message, "cache"))
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.cache);
                if (message.destPath != null && Object.hasOwnProperty.call(message, "destPath"))
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.destPath);
                return writer;
            };

            /**
             * Decodes a FetchSpec message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.FetchSpec
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.FetchSpec} FetchSpec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FetchSpec.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.FetchSpec();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.uri = reader.string();
                            break;
                        }
                    case 2: {
                            message.extract = reader.bool();
                            break;
                        }
                    case 3: {
                            message.executable = reader.bool();
                            break;
                        }
                    case 4: {
                            message.cache = reader.bool();
                            break;
                        }
                    case 5: {
                            message.destPath = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates a FetchSpec message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.FetchSpec
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.FetchSpec} FetchSpec
             */
            FetchSpec.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.FetchSpec)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.FetchSpec: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.FetchSpec();
                if (object.uri != null)
                    message.uri = String(object.uri);
                if (object.extract != null)
                    message.extract = Boolean(object.extract);
                if (object.executable != null)
                    message.executable = Boolean(object.executable);
                if (object.cache != null)
                    message.cache = Boolean(object.cache);
                if (object.destPath != null)
                    message.destPath = String(object.destPath);
                return message;
            };

            /**
             * Creates a plain object from a FetchSpec message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.FetchSpec
             * @static
             * @param {berth.v1.FetchSpec} message FetchSpec
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            FetchSpec.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.uri = "";
                    object.extract = false;
                    object.executable = false;
                    object.cache = false;
                    object.destPath = "";
                }
                if (message.uri != null && Object.hasOwnProperty.call(message, "uri"))
                    object.uri = message.uri;
                if (message.extract != null && Object.hasOwnProperty.call(message, "extract"))
                    object.extract = message.extract;
                if (message.executable != null && Object.hasOwnProperty.call(message, "executable"))
                    object.executable = message.executable;
                if (message.cache != null && Object.hasOwnProperty.call(message, "cache"))
                    object.cache = message.cache;
                if (message.destPath != null && Object.hasOwnProperty.call(message, "destPath"))
                    object.destPath = message.destPath;
                return object;
            };

            /**
             * Converts this FetchSpec to JSON.
             * @function toJSON
             * @memberof berth.v1.FetchSpec
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            FetchSpec.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return FetchSpec;
        })();

        v1.PortMappingSpec = (function() {

            /**
             * Properties of a PortMappingSpec.
             * @memberof berth.v1
             * @interface IPortMappingSpec
             * @property {number|null} [containerPort] PortMappingSpec containerPort
             * @property {string|null} [protocol] PortMappingSpec protocol
             */

            /**
             * Constructs a new PortMappingSpec.
             * @memberof berth.v1
             * @classdesc Represents a PortMappingSpec.
             * @implements IPortMappingSpec
             * @constructor
             * @param {berth.v1.IPortMappingSpec=} [properties] Properties to set
             */
            function PortMappingSpec(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * PortMappingSpec containerPort.
             * @member {number} containerPort
             * @memberof berth.v1.PortMappingSpec
             * @instance
             */
            PortMappingSpec.prototype.containerPort = 0;

            /**
             * PortMappingSpec protocol.
             * @member {string} protocol
             * @memberof berth.v1.PortMappingSpec
             * @instance
             */
            PortMappingSpec.prototype.protocol = "";

            /**
             * Creates a new PortMappingSpec instance using the specified properties.
             * @function create
             * @memberof berth.v1.PortMappingSpec
             * @static
             * @param {berth.v1.IPortMappingSpec=} [properties] Properties to set
             * @returns {berth.v1.PortMappingSpec} PortMappingSpec instance
             */
            PortMappingSpec.create = function create(properties) {
                return new PortMappingSpec(properties);
            };

            /**
             * Encodes the specified PortMappingSpec message. Does not implicitly {@link berth.v1.PortMappingSpec.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.PortMappingSpec
             * @static
             * @param {berth.v1.IPortMappingSpec} message PortMappingSpec message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PortMappingSpec.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.containerPort != null && Object.hasOwnProperty.call(message, "containerPort"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.containerPort);
                if (message.protocol != null && Object.hasOwnProperty.call(message, "protocol"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.protocol);
                return writer;
            };

            /**
             * Decodes a PortMappingSpec message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.PortMappingSpec
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.PortMappingSpec} PortMappingSpec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PortMappingSpec.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.PortMappingSpec();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.containerPort = reader.uint32();
                            break;
                        }
                    case 2: {
                            message.protocol = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates a PortMappingSpec message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.PortMappingSpec
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.PortMappingSpec} PortMappingSpec
             */
            PortMappingSpec.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.PortMappingSpec)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.PortMappingSpec: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.PortMappingSpec();
                if (object.containerPort != null)
                    message.containerPort = object.containerPort >>> 0;
                if (object.protocol != null)
                    message.protocol = String(object.protocol);
                return message;
            };

            /**
             * Creates a plain object from a PortMappingSpec message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.PortMappingSpec
             * @static
             * @param {berth.v1.PortMappingSpec} message PortMappingSpec
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PortMappingSpec.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.containerPort = 0;
                    object.protocol = "";
                }
                if (message.containerPort != null && Object.hasOwnProperty.call(message, "containerPort"))
                    object.containerPort = message.containerPort;
                if (message.protocol != null && Object.hasOwnProperty.call(message, "protocol"))
                    object.protocol = message.protocol;
                return object;
            };

            /**
             * Converts this PortMappingSpec to JSON.
             * @function toJSON
             * @memberof berth.v1.PortMappingSpec
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PortMappingSpec.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return PortMappingSpec;
        })();

        v1.LaunchCommand = (function() {

            /**
             * Properties of a LaunchCommand.
             * @memberof berth.v1
             * @interface ILaunchCommand
             * @property {berth.v1.ITaskSpec|null} [task] LaunchCommand task
             * @property {string|null} [agentId] LaunchCommand agentId
             * @property {number|null} [issuedAtMs] LaunchCommand issuedAtMs
             */

            /**
             * Constructs a new LaunchCommand.
             * @memberof berth.v1
             * @classdesc Represents a LaunchCommand.
             * @implements ILaunchCommand
             * @constructor
             * @param {berth.v1.ILaunchCommand=} [properties] Properties to set
             */
            function LaunchCommand(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * LaunchCommand task.
             * @member {berth.v1.ITaskSpec|null|undefined} task
             * @memberof berth.v1.LaunchCommand
             * @instance
             */
            LaunchCommand.prototype.task = null;

            /**
             * LaunchCommand agentId.
             * @member {string} agentId
             * @memberof berth.v1.LaunchCommand
             * @instance
             */
            LaunchCommand.prototype.agentId = "";

            /**
             * LaunchCommand issuedAtMs.
             * @member {number} issuedAtMs
             * @memberof berth.v1.LaunchCommand
             * @instance
             */
            LaunchCommand.prototype.issuedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new LaunchCommand instance using the specified properties.
             * @function create
             * @memberof berth.v1.LaunchCommand
             * @static
             * @param {berth.v1.ILaunchCommand=} [properties] Properties to set
             * @returns {berth.v1.LaunchCommand} LaunchCommand instance
             */
            LaunchCommand.create = function create(properties) {
                return new LaunchCommand(properties);
            };

            /**
             * Encodes the specified LaunchCommand message. Does not implicitly {@link berth.v1.LaunchCommand.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.LaunchCommand
             * @static
             * @param {berth.v1.ILaunchCommand} message LaunchCommand message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LaunchCommand.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.task != null && Object.hasOwnProperty.call(message, "task"))
                    $root.berth.v1.TaskSpec.encode(message.task, writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (message.agentId != null && Object.hasOwnProperty.call(message, "agentId"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.agentId);
                if (message.issuedAtMs != null && Object.hasOwnProperty.call(message, "issuedAtMs"))
                    writer.uint32(/* id 3, wireType 0 =*/24).int64(message.issuedAtMs);
                return writer;
            };

            /**
             * Decodes a LaunchCommand message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.LaunchCommand
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.LaunchCommand} LaunchCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LaunchCommand.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.LaunchCommand();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.task = $root.berth.v1.TaskSpec.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 2: {
                            message.agentId = reader.string();
                            break;
                        }
                    case 3: {
                            message.issuedAtMs = reader.int64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates a LaunchCommand message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.LaunchCommand
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.LaunchCommand} LaunchCommand
             */
            LaunchCommand.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.LaunchCommand)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.LaunchCommand: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.LaunchCommand();
                if (object.task != null) {
                    if (!$util.isObject(object.task))
                        throw TypeError(".berth.v1.LaunchCommand.task: object expected");
                    message.task = $root.berth.v1.TaskSpec.fromObject(object.task, long + 1);
                }
                if (object.agentId != null)
                    message.agentId = String(object.agentId);
                if (object.issuedAtMs != null)
                    if ($util.Long)
                        message.issuedAtMs = $util.Long.fromValue(object.issuedAtMs, false);
                    else if (typeof object.issuedAtMs === "string")
                        message.issuedAtMs = parseInt(object.issuedAtMs, 10);
                    else if (typeof object.issuedAtMs === "number")
                        message.issuedAtMs = object.issuedAtMs;
                    else if (typeof object.issuedAtMs === "object")
                        message.issuedAtMs = new $util.LongBits(object.issuedAtMs.low >>> 0, object.issuedAtMs.high >>> 0).toNumber();
                return message;
            };

            /**
             * Creates a plain object from a LaunchCommand message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.LaunchCommand
             * @static
             * @param {berth.v1.LaunchCommand} message LaunchCommand
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            LaunchCommand.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.task = null;
                    object.agentId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.issuedAtMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.issuedAtMs = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                }
                if (message.task != null && Object.hasOwnProperty.call(message, "task"))
                    object.task = $root.berth.v1.TaskSpec.toObject(message.task, options, q + 1);
                if (message.agentId != null && Object.hasOwnProperty.call(message, "agentId"))
                    object.agentId = message.agentId;
                if (message.issuedAtMs != null && Object.hasOwnProperty.call(message, "issuedAtMs"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.issuedAtMs = typeof message.issuedAtMs === "number" ? BigInt(message.issuedAtMs) : $util.Long.fromBits(message.issuedAtMs.low >>> 0, message.issuedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.issuedAtMs === "number")
                        object.issuedAtMs = options.longs === String ? String(message.issuedAtMs) : message.issuedAtMs;
                    else
                        object.issuedAtMs = options.longs === String ? $util.Long.prototype.toString.call(message.issuedAtMs) : options.longs === Number ? new $util.LongBits(message.issuedAtMs.low >>> 0, message.issuedAtMs.high >>> 0).toNumber() : message.issuedAtMs;
                return object;
            };

            /**
             * Converts this LaunchCommand to JSON.
             * @function toJSON
             * @memberof berth.v1.LaunchCommand
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            LaunchCommand.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return LaunchCommand;
        })();

        v1.KillCommand = (function() {

            /**
             * Properties of a KillCommand.
             * @memberof berth.v1
             * @interface IKillCommand
             * @property {string|null} [taskId] KillCommand taskId
             * @property {string|null} [agentId] KillCommand agentId
             * @property {number|null} [gracePeriodSeconds] KillCommand gracePeriodSeconds
             * @property {string|null} [reason] KillCommand reason
             * @property {number|null} [issuedAtMs] KillCommand issuedAtMs
             */

            /**
             * Constructs a new KillCommand.
             * @memberof berth.v1
             * @classdesc Represents a KillCommand.
             * @implements IKillCommand
             * @constructor
             * @param {berth.v1.IKillCommand=} [properties] Properties to set
             */
            function KillCommand(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * KillCommand taskId.
             * @member {string} taskId
             * @memberof berth.v1.KillCommand
             * @instance
             */
            KillCommand.prototype.taskId = "";

            /**
             * KillCommand agentId.
             * @member {string} agentId
             * @memberof berth.v1.KillCommand
             * @instance
             */
            KillCommand.prototype.agentId = "";

            /**
             * KillCommand gracePeriodSeconds.
             * @member {number} gracePeriodSeconds
             * @memberof berth.v1.KillCommand
             * @instance
             */
            KillCommand.prototype.gracePeriodSeconds = 0;

            /**
             * KillCommand reason.
             * @member {string} reason
             * @memberof berth.v1.KillCommand
             * @instance
             */
            KillCommand.prototype.reason = "";

            /**
             * KillCommand issuedAtMs.
             * @member {number} issuedAtMs
             * @memberof berth.v1.KillCommand
             * @instance
             */
            KillCommand.prototype.issuedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new KillCommand instance using the specified properties.
             * @function create
             * @memberof berth.v1.KillCommand
             * @static
             * @param {berth.v1.IKillCommand=} [properties] Properties to set
             * @returns {berth.v1.KillCommand} KillCommand instance
             */
            KillCommand.create = function create(properties) {
                return new KillCommand(properties);
            };

            /**
             * Encodes the specified KillCommand message. Does not implicitly {@link berth.v1.KillCommand.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.KillCommand
             * @static
             * @param {berth.v1.IKillCommand} message KillCommand message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            KillCommand.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.taskId != null && Object.hasOwnProperty.call(message, "taskId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.taskId);
                if (message.agentId != null && Object.hasOwnProperty.call(message, "agentId"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.agentId);
                if (message.gracePeriodSeconds != null && Object.hasOwnProperty.call(message, "gracePeriodSeconds"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.gracePeriodSeconds);
                if (message.reason != null && Object.hasOwnProperty.call(message, "reason"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.reason);
                if (message.issuedAtMs != null && Object.hasOwnProperty.call(message, "issuedAtMs"))
                    writer.uint32(/* id 5, wireType 0 =*/40).int64(message.issuedAtMs);
                return writer;
            };

            /**
             * Decodes a KillCommand message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.KillCommand
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.KillCommand} KillCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            KillCommand.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.KillCommand();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.taskId = reader.string();
                            break;
                        }
                    case 2: {
                            message.agentId = reader.string();
                            break;
                        }
                    case 3: {
                            message.gracePeriodSeconds = reader.uint32();
                            break;
                        }
                    case 4: {
                            message.reason = reader.string();
                            break;
                        }
                    case 5: {
                            message.issuedAtMs = reader.int64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates a KillCommand message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.KillCommand
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.KillCommand} KillCommand
             */
            KillCommand.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.KillCommand)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.KillCommand: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.KillCommand();
                if (object.taskId != null)
                    message.taskId = String(object.taskId);
                if (object.agentId != null)
                    message.agentId = String(object.agentId);
                if (object.gracePeriodSeconds != null)
                    message.gracePeriodSeconds = object.gracePeriodSeconds >>> 0;
                if (object.reason != null)
                    message.reason = String(object.reason);
                if (object.issuedAtMs != null)
                    if ($util.Long)
                        message.issuedAtMs = $util.Long.fromValue(object.issuedAtMs, false);
                    else if (typeof object.issuedAtMs === "string")
                        message.issuedAtMs = parseInt(object.issuedAtMs, 10);
                    else if (typeof object.issuedAtMs === "number")
                        message.issuedAtMs = object.issuedAtMs;
                    else if (typeof object.issuedAtMs === "object")
                        message.issuedAtMs = new $util.LongBits(object.issuedAtMs.low >>> 0, object.issuedAtMs.high >>> 0).toNumber();
                return message;
            };

            /**
             * Creates a plain object from a KillCommand message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.KillCommand
             * @static
             * @param {berth.v1.KillCommand} message KillCommand
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            KillCommand.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.taskId = "";
                    object.agentId = "";
                    object.gracePeriodSeconds = 0;
                    object.reason = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.issuedAtMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.issuedAtMs = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                }
                if (message.taskId != null && Object.hasOwnProperty.call(message, "taskId"))
                    object.taskId = message.taskId;
                if (message.agentId != null && Object.hasOwnProperty.call(message, "agentId"))
                    object.agentId = message.agentId;
                if (message.gracePeriodSeconds != null && Object.hasOwnProperty.call(message, "gracePeriodSeconds"))
                    object.gracePeriodSeconds = message.gracePeriodSeconds;
                if (message.reason != null && Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                if (message.issuedAtMs != null && Object.hasOwnProperty.call(message, "issuedAtMs"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.issuedAtMs = typeof message.issuedAtMs === "number" ? BigInt(message.issuedAtMs) : $util.Long.fromBits(message.issuedAtMs.low >>> 0, message.issuedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.issuedAtMs === "number")
                        object.issuedAtMs = options.longs === String ? String(message.issuedAtMs) : message.issuedAtMs;
                    else
                        object.issuedAtMs = options.longs === String ? $util.Long.prototype.toString.call(message.issuedAtMs) : options.longs === Number ? new $util.LongBits(message.issuedAtMs.low >>> 0, message.issuedAtMs.high >>> 0).toNumber() : message.issuedAtMs;
                return object;
            };

            /**
             * Converts this KillCommand to JSON.
             * @function toJSON
             * @memberof berth.v1.KillCommand
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            KillCommand.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return KillCommand;
        })();

        v1.StatusUpdate = (function() {

            /**
             * Properties of a StatusUpdate.
             * @memberof berth.v1
             * @interface IStatusUpdate
             * @property {string|null} [uuid] StatusUpdate uuid
             * @property {string|null} [taskId] StatusUpdate taskId
             * @property {string|null} [appId] StatusUpdate appId
             * @property {string|null} [agentId] StatusUpdate agentId
             * @property {string|null} [state] StatusUpdate state
             * @property {string|null} [message] StatusUpdate message
             * @property {number|null} [sequence] StatusUpdate sequence
             * @property {number|null} [timestampMs] StatusUpdate timestampMs
             * @property {string|null} [containerId] StatusUpdate containerId
             * @property {number|null} [exitCode] StatusUpdate exitCode
             * @property {boolean|null} [hasExitCode] StatusUpdate hasExitCode
             * @property {string|null} [hostname] StatusUpdate hostname
             * @property {string|null} [reason] StatusUpdate reason
             * @property {berth.v1.IHealthStatus|null} [health] StatusUpdate health
             * @property {Array.<string>|null} [ipAddresses] StatusUpdate ipAddresses
             */

            /**
             * Constructs a new StatusUpdate.
             * @memberof berth.v1
             * @classdesc Represents a StatusUpdate.
             * @implements IStatusUpdate
             * @constructor
             * @param {berth.v1.IStatusUpdate=} [properties] Properties to set
             */
            function StatusUpdate(properties) {
                this.ipAddresses = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * StatusUpdate uuid.
             * @member {string} uuid
             * @memberof berth.v1.StatusUpdate
             * @instance
             */
            StatusUpdate.prototype.uuid = "";

            /**
             * StatusUpdate taskId.
             * @member {string} taskId
             * @memberof berth.v1.StatusUpdate
             * @instance
             */
            StatusUpdate.prototype.taskId = "";

            /**
             * StatusUpdate appId.
             * @member {string} appId
             * @memberof berth.v1.StatusUpdate
             * @instance
             */
            StatusUpdate.prototype.appId = "";

            /**
             * StatusUpdate agentId.
             * @member {string} agentId
             * @memberof berth.v1.StatusUpdate
             * @instance
             */
            StatusUpdate.prototype.agentId = "";

            /**
             * StatusUpdate state.
             * @member {string} state
             * @memberof berth.v1.StatusUpdate
             * @instance
             */
            StatusUpdate.prototype.state = "";

            /**
             * StatusUpdate message.
             * @member {string} message
             * @memberof berth.v1.StatusUpdate
             * @instance
             */
            StatusUpdate.prototype.message = "";

            /**
             * StatusUpdate sequence.
             * @member {number} sequence
             * @memberof berth.v1.StatusUpdate
             * @instance
             */
            StatusUpdate.prototype.sequence = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * StatusUpdate timestampMs.
             * @member {number} timestampMs
             * @memberof berth.v1.StatusUpdate
             * @instance
             */
            StatusUpdate.prototype.timestampMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * StatusUpdate containerId.
             * @member {string} containerId
             * @memberof berth.v1.StatusUpdate
             * @instance
             */
            StatusUpdate.prototype.containerId = "";

            /**
             * StatusUpdate exitCode.
             * @member {number} exitCode
             * @memberof berth.v1.StatusUpdate
             * @instance
             */
            StatusUpdate.prototype.exitCode = 0;

            /**
             * StatusUpdate hasExitCode.
             * @member {boolean} hasExitCode
             * @memberof berth.v1.StatusUpdate
             * @instance
             */
            StatusUpdate.prototype.hasExitCode = false;

            /**
             * StatusUpdate hostname.
             * @member {string} hostname
             * @memberof berth.v1.StatusUpdate
             * @instance
             */
            StatusUpdate.prototype.hostname = "";

            /**
             * StatusUpdate reason.
             * @member {string} reason
             * @memberof berth.v1.StatusUpdate
             * @instance
             */
            StatusUpdate.prototype.reason = "";

            /**
             * StatusUpdate health.
             * @member {berth.v1.IHealthStatus|null|undefined} health
             * @memberof berth.v1.StatusUpdate
             * @instance
             */
            StatusUpdate.prototype.health = null;

            /**
             * StatusUpdate ipAddresses.
             * @member {Array.<string>} ipAddresses
             * @memberof berth.v1.StatusUpdate
             * @instance
             */
            StatusUpdate.prototype.ipAddresses = $util.emptyArray;

            /**
             * Creates a new StatusUpdate instance using the specified properties.
             * @function create
             * @memberof berth.v1.StatusUpdate
             * @static
             * @param {berth.v1.IStatusUpdate=} [properties] Properties to set
             * @returns {berth.v1.StatusUpdate} StatusUpdate instance
             */
            StatusUpdate.create = function create(properties) {
                return new StatusUpdate(properties);
            };

            /**
             * Encodes the specified StatusUpdate message. Does not implicitly {@link berth.v1.StatusUpdate.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.StatusUpdate
             * @static
             * @param {berth.v1.IStatusUpdate} message StatusUpdate message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StatusUpdate.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.uuid != null && Object.hasOwnProperty.call(message, "uuid"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.uuid);
                if (message.taskId != null && Object.hasOwnProperty.call(message, "taskId"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.taskId);
                if (message.appId != null && Object.hasOwnProperty.call(message, "appId"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.appId);
                if (message.agentId != null && Object.hasOwnProperty.call(message, "agentId"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.agentId);
                if (message.state != null && Object.hasOwnProperty.call(message, "state"))
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.state);
                if (message.message != null && Object.hasOwnProperty.call(message, "message"))
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.message);
                if (message.sequence != null && Object.hasOwnProperty.call(message, "sequence"))
                    writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.sequence);
                if (message.timestampMs != null && Object.hasOwnProperty.call(message, "timestampMs"))
                    writer.uint32(/* id 8, wireType 0 =*/64).int64(message.timestampMs);
                if (message.containerId != null && Object.hasOwnProperty.call(message, "containerId"))
                    writer.uint32(/* id 9, wireType 2 =*/74).string(message.containerId);
                if (message.exitCode != null && Object.hasOwnProperty.call(message, "exitCode"))
                    writer.uint32(/* id 10, wireType 0 =*/80).int32(message.exitCode);
                if (message.hasExitCode != null && Object.hasOwnProperty.call(message, "hasExitCode"))
                    writer.uint32(/* id 11, wireType 0 =*/88).bool(message.hasExitCode);
                if (message.hostname != null && Object.hasOwnProperty.call(message, "hostname"))
                    writer.uint32(/* id 12, wireType 2 =*/98).string(message.hostname);
                if (message.reason != null && Object.hasOwnProperty.call(message, "reason"))
                    writer.uint32(/* id 13, wireType 2 =*/106).string(message.reason);
                if (message.health != null && Object.hasOwnProperty.call(message, "health"))
                    $root.berth.v1.HealthStatus.encode(message.health, writer.uint32(/* id 14, wireType 2 =*/114).fork(), q + 1).ldelim();
                if (message.ipAddresses != null && message.ipAddresses.length)
                    for (let i = 0; i < message.ipAddresses.length; ++i)
                        writer.uint32(/* id 15, wireType 2 =*/122).string(message.ipAddresses[i]);
                return writer;
            };

            /**
             * Decodes a StatusUpdate message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.StatusUpdate
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.StatusUpdate} StatusUpdate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StatusUpdate.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.StatusUpdate();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.uuid = reader.string();
                            break;
                        }
                    case 2: {
                            message.taskId = reader.string();
                            break;
                        }
                    case 3: {
                            message.appId = reader.string();
                            break;
                        }
                    case 4: {
                            message.agentId = reader.string();
                            break;
                        }
                    case 5: {
                            message.state = reader.string();
                            break;
                        }
                    case 6: {
                            message.message = reader.string();
                            break;
                        }
                    case 7: {
                            message.sequence = reader.uint64();
                            break;
                        }
                    case 8: {
                            message.timestampMs = reader.int64();
                            break;
                        }
                    case 9: {
                            message.containerId = reader.string();
                            break;
                        }
                    case 10: {
                            message.exitCode = reader.int32();
                            break;
                        }
                    case 11: {
                            message.hasExitCode = reader.bool();
                            break;
                        }
                    case 12: {
                            message.hostname = reader.string();
                            break;
                        }
                    case 13: {
                            message.reason = reader.string();
                            break;
                        }
                    case 14: {
                            message.health = $root.berth.v1.HealthStatus.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 15: {
                            if (!(message.ipAddresses && message.ipAddresses.length))
                                message.ipAddresses = [];
                            message.ipAddresses.push(reader.string());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates a StatusUpdate message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.StatusUpdate
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.StatusUpdate} StatusUpdate
             */
            StatusUpdate.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.StatusUpdate)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.StatusUpdate: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.StatusUpdate();
                if (object.uuid != null)
                    message.uuid = String(object.uuid);
                if (object.taskId != null)
                    message.taskId = String(object.taskId);
                if (object.appId != null)
                    message.appId = String(object.appId);
                if (object.agentId != null)
                    message.agentId = String(object.agentId);
                if (object.state != null)
                    message.state = String(object.state);
                if (object.message != null)
                    message.message = String(object.message);
                if (object.sequence != null)
                    if ($util.Long)
                        message.sequence = $util.Long.fromValue(object.sequence, true);
                    else if (typeof object.sequence === "string")
                        message.sequence = parseInt(object.sequence, 10);
                    else if (typeof object.sequence === "number")
                        message.sequence = object.sequence;
                    else if (typeof object.sequence === "object")
                        message.sequence = new $util.LongBits(object.sequence.low >>> 0, object.sequence.high >>> 0).toNumber(true);
                if (object.timestampMs != null)
                    if ($util.Long)
                        message.timestampMs = $util.Long.fromValue(object.timestampMs, false);
                    else if (typeof object.timestampMs === "string")
                        message.timestampMs = parseInt(object.timestampMs, 10);
                    else if (typeof object.timestampMs === "number")
                        message.timestampMs = object.timestampMs;
                    else if (typeof object.timestampMs === "object")
                        message.timestampMs = new $util.LongBits(object.timestampMs.low >>> 0, object.timestampMs.high >>> 0).toNumber();
                if (object.containerId != null)
                    message.containerId = String(object.containerId);
                if (object.exitCode != null)
                    message.exitCode = object.exitCode | 0;
                if (object.hasExitCode != null)
                    message.hasExitCode = Boolean(object.hasExitCode);
                if (object.hostname != null)
                    message.hostname = String(object.hostname);
                if (object.reason != null)
                    message.reason = String(object.reason);
                if (object.health != null) {
                    if (!$util.isObject(object.health))
                        throw TypeError(".berth.v1.StatusUpdate.health: object expected");
                    message.health = $root.berth.v1.HealthStatus.fromObject(object.health, long + 1);
                }
                if (object.ipAddresses) {
                    if (!Array.isArray(object.ipAddresses))
                        throw TypeError(".berth.v1.StatusUpdate.ipAddresses: array expected");
                    message.ipAddresses = [];
                    for (let i = 0; i < object.ipAddresses.length; ++i)
                        message.ipAddresses[i] = String(object.ipAddresses[i]);
                }
                return message;
            };

            /**
             * Creates a plain object from a StatusUpdate message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.StatusUpdate
             * @static
             * @param {berth.v1.StatusUpdate} message StatusUpdate
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            StatusUpdate.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.ipAddresses = [];
                if (options.defaults) {
                    object.uuid = "";
                    object.taskId = "";
                    object.appId = "";
                    object.agentId = "";
                    object.state = "";
                    object.message = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.sequence = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.sequence = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.timestampMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.timestampMs = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    object.containerId = "";
                    object.exitCode = 0;
                    object.hasExitCode = false;
                    object.hostname = "";
                    object.reason = "";
                    object.health = null;
                }
                if (message.uuid != null && Object.hasOwnProperty.call(message, "uuid"))
                    object.uuid = message.uuid;
                if (message.taskId != null && Object.hasOwnProperty.call(message, "taskId"))
                    object.taskId = message.taskId;
                if (message.appId != null && Object.hasOwnProperty.call(message, "appId"))
                    object.appId = message.appId;
                if (message.agentId != null && Object.hasOwnProperty.call(message, "agentId"))
                    object.agentId = message.agentId;
                if (message.state != null && Object.hasOwnProperty.call(message, "state"))
                    object.state = message.state;
                if (message.message != null && Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                if (message.sequence != null && Object.hasOwnProperty.call(message, "sequence"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.sequence = typeof message.sequence === "number" ? BigInt(message.sequence) : $util.Long.fromBits(message.sequence.low >>> 0, message.sequence.high >>> 0, true).toBigInt();
                    else if (typeof message.sequence === "number")
                        object.sequence = options.longs === String ? String(message.sequence) : message.sequence;
                    else
                        object.sequence = options.longs === String ? $util.Long.prototype.toString.call(message.sequence) : options.longs === Number ? new $util.LongBits(message.sequence.low >>> 0, message.sequence.high >>> 0).toNumber(true) : message.sequence;
                if (message.timestampMs != null && Object.hasOwnProperty.call(message, "timestampMs"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.timestampMs = typeof message.timestampMs === "number" ? BigInt(message.timestampMs) : $util.Long.fromBits(message.timestampMs.low >>> 0, message.timestampMs.high >>> 0, false).toBigInt();
                    else if (typeof message.timestampMs === "number")
                        object.timestampMs = options.longs === String ? String(message.timestampMs) : message.timestampMs;
                    else
                        object.timestampMs = options.longs === String ? $util.Long.prototype.toString.call(message.timestampMs) : options.longs === Number ? new $util.LongBits(message.timestampMs.low >>> 0, message.timestampMs.high >>> 0).toNumber() : message.timestampMs;
                if (message.containerId != null && Object.hasOwnProperty.call(message, "containerId"))
                    object.containerId = message.containerId;
                if (message.exitCode != null && Object.hasOwnProperty.call(message, "exitCode"))
                    object.exitCode = message.exitCode;
                if (message.hasExitCode != null && Object.hasOwnProperty.call(message, "hasExitCode"))
                    object.hasExitCode = message.hasExitCode;
                if (message.hostname != null && Object.hasOwnProperty.call(message, "hostname"))
                    object.hostname = message.hostname;
                if (message.reason != null && Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                if (message.health != null && Object.hasOwnProperty.call(message, "health"))
                    object.health = $root.berth.v1.HealthStatus.toObject(message.health, options, q + 1);
                if (message.ipAddresses && message.ipAddresses.length) {
                    object.ipAddresses = [];
                    for (let j = 0; j < message.ipAddresses.length; ++j)
                        object.ipAddresses[j] = message.ipAddresses[j];
                }
                return object;
            };

            /**
             * Converts this StatusUpdate to JSON.
             * @function toJSON
             * @memberof berth.v1.StatusUpdate
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            StatusUpdate.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StatusUpdate;
        })();

        v1.StatusUpdates = (function() {

            /**
             * Properties of a StatusUpdates.
             * @memberof berth.v1
             * @interface IStatusUpdates
             * @property {Array.<berth.v1.IStatusUpdate>|null} [updates] StatusUpdates updates
             */

            /**
             * Constructs a new StatusUpdates.
             * @memberof berth.v1
             * @classdesc Represents a StatusUpdates.
             * @implements IStatusUpdates
             * @constructor
             * @param {berth.v1.IStatusUpdates=} [properties] Properties to set
             */
            function StatusUpdates(properties) {
                this.updates = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * StatusUpdates updates.
             * @member {Array.<berth.v1.IStatusUpdate>} updates
             * @memberof berth.v1.StatusUpdates
             * @instance
             */
            StatusUpdates.prototype.updates = $util.emptyArray;

            /**
             * Creates a new StatusUpdates instance using the specified properties.
             * @function create
             * @memberof berth.v1.StatusUpdates
             * @static
             * @param {berth.v1.IStatusUpdates=} [properties] Properties to set
             * @returns {berth.v1.StatusUpdates} StatusUpdates instance
             */
            StatusUpdates.create = function create(properties) {
                return new StatusUpdates(properties);
            };

            /**
             * Encodes the specified StatusUpdates message. Does not implicitly {@link berth.v1.StatusUpdates.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.StatusUpdates
             * @static
             * @param {berth.v1.IStatusUpdates} message StatusUpdates message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StatusUpdates.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.updates != null && message.updates.length)
                    for (let i = 0; i < message.updates.length; ++i)
                        $root.berth.v1.StatusUpdate.encode(message.updates[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a StatusUpdates message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.StatusUpdates
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.StatusUpdates} StatusUpdates
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StatusUpdates.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.StatusUpdates();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.updates && message.updates.length))
                                message.updates = [];
                            message.updates.push($root.berth.v1.StatusUpdate.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates a StatusUpdates message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.StatusUpdates
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.StatusUpdates} StatusUpdates
             */
            StatusUpdates.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.StatusUpdates)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.StatusUpdates: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.StatusUpdates();
                if (object.updates) {
                    if (!Array.isArray(object.updates))
                        throw TypeError(".berth.v1.StatusUpdates.updates: array expected");
                    message.updates = [];
                    for (let i = 0; i < object.updates.length; ++i) {
                        if (!$util.isObject(object.updates[i]))
                            throw TypeError(".berth.v1.StatusUpdates.updates: object expected");
                        message.updates[i] = $root.berth.v1.StatusUpdate.fromObject(object.updates[i], long + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a StatusUpdates message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.StatusUpdates
             * @static
             * @param {berth.v1.StatusUpdates} message StatusUpdates
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            StatusUpdates.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.updates = [];
                if (message.updates && message.updates.length) {
                    object.updates = [];
                    for (let j = 0; j < message.updates.length; ++j)
                        object.updates[j] = $root.berth.v1.StatusUpdate.toObject(message.updates[j], options, q + 1);
                }
                return object;
            };

            /**
             * Converts this StatusUpdates to JSON.
             * @function toJSON
             * @memberof berth.v1.StatusUpdates
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            StatusUpdates.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StatusUpdates;
        })();

        v1.HealthStatus = (function() {

            /**
             * Properties of a HealthStatus.
             * @memberof berth.v1
             * @interface IHealthStatus
             * @property {string|null} [state] HealthStatus state
             * @property {number|null} [consecutiveFailures] HealthStatus consecutiveFailures
             * @property {number|null} [firstSuccessMs] HealthStatus firstSuccessMs
             * @property {number|null} [lastSuccessMs] HealthStatus lastSuccessMs
             * @property {number|null} [lastFailureMs] HealthStatus lastFailureMs
             * @property {string|null} [lastFailureCause] HealthStatus lastFailureCause
             * @property {boolean|null} [ready] HealthStatus ready
             */

            /**
             * Constructs a new HealthStatus.
             * @memberof berth.v1
             * @classdesc Represents a HealthStatus.
             * @implements IHealthStatus
             * @constructor
             * @param {berth.v1.IHealthStatus=} [properties] Properties to set
             */
            function HealthStatus(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * HealthStatus state.
             * @member {string} state
             * @memberof berth.v1.HealthStatus
             * @instance
             */
            HealthStatus.prototype.state = "";

            /**
             * HealthStatus consecutiveFailures.
             * @member {number} consecutiveFailures
             * @memberof berth.v1.HealthStatus
             * @instance
             */
            HealthStatus.prototype.consecutiveFailures = 0;

            /**
             * HealthStatus firstSuccessMs.
             * @member {number} firstSuccessMs
             * @memberof berth.v1.HealthStatus
             * @instance
             */
            HealthStatus.prototype.firstSuccessMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * HealthStatus lastSuccessMs.
             * @member {number} lastSuccessMs
             * @memberof berth.v1.HealthStatus
             * @instance
             */
            HealthStatus.prototype.lastSuccessMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * HealthStatus lastFailureMs.
             * @member {number} lastFailureMs
             * @memberof berth.v1.HealthStatus
             * @instance
             */
            HealthStatus.prototype.lastFailureMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * HealthStatus lastFailureCause.
             * @member {string} lastFailureCause
             * @memberof berth.v1.HealthStatus
             * @instance
             */
            HealthStatus.prototype.lastFailureCause = "";

            /**
             * HealthStatus ready.
             * @member {boolean} ready
             * @memberof berth.v1.HealthStatus
             * @instance
             */
            HealthStatus.prototype.ready = false;

            /**
             * Creates a new HealthStatus instance using the specified properties.
             * @function create
             * @memberof berth.v1.HealthStatus
             * @static
             * @param {berth.v1.IHealthStatus=} [properties] Properties to set
             * @returns {berth.v1.HealthStatus} HealthStatus instance
             */
            HealthStatus.create = function create(properties) {
                return new HealthStatus(properties);
            };

            /**
             * Encodes the specified HealthStatus message. Does not implicitly {@link berth.v1.HealthStatus.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.HealthStatus
             * @static
             * @param {berth.v1.IHealthStatus} message HealthStatus message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HealthStatus.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.state != null && Object.hasOwnProperty.call(message, "state"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.state);
                if (message.consecutiveFailures != null && Object.hasOwnProperty.call(message, "consecutiveFailures"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.consecutiveFailures);
                if (message.firstSuccessMs != null && Object.hasOwnProperty.call(message, "firstSuccessMs"))
                    writer.uint32(/* id 3, wireType 0 =*/24).int64(message.firstSuccessMs);
                if (message.lastSuccessMs != null && Object.hasOwnProperty.call(message, "lastSuccessMs"))
                    writer.uint32(/* id 4, wireType 0 =*/32).int64(message.lastSuccessMs);
                if (message.lastFailureMs != null && Object.hasOwnProperty.call(message, "lastFailureMs"))
                    writer.uint32(/* id 5, wireType 0 =*/40).int64(message.lastFailureMs);
                if (message.lastFailureCause != null && Object.hasOwnProperty.call(message, "lastFailureCause"))
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.lastFailureCause);
                if (message.ready != null && Object.hasOwnProperty.call(message, "ready"))
                    writer.uint32(/* id 7, wireType 0 =*/56).bool(message.ready);
                return writer;
            };

            /**
             * Decodes a HealthStatus message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.HealthStatus
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.HealthStatus} HealthStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HealthStatus.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.HealthStatus();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.state = reader.string();
                            break;
                        }
                    case 2: {
                            message.consecutiveFailures = reader.uint32();
                            break;
                        }
                    case 3: {
                            message.firstSuccessMs = reader.int64();
                            break;
                        }
                    case 4: {
                            message.lastSuccessMs = reader.int64();
                            break;
                        }
                    case 5: {
                            message.lastFailureMs = reader.int64();
                            break;
                        }
                    case 6: {
                            message.lastFailureCause = reader.string();
                            break;
                        }
                    case 7: {
                            message.ready = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates a HealthStatus message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.HealthStatus
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.HealthStatus} HealthStatus
             */
            HealthStatus.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.HealthStatus)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.HealthStatus: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.HealthStatus();
                if (object.state != null)
                    message.state = String(object.state);
                if (object.consecutiveFailures != null)
                    message.consecutiveFailures = object.consecutiveFailures >>> 0;
                if (object.firstSuccessMs != null)
                    if ($util.Long)
                        message.firstSuccessMs = $util.Long.fromValue(object.firstSuccessMs, false);
                    else if (typeof object.firstSuccessMs === "string")
                        message.firstSuccessMs = parseInt(object.firstSuccessMs, 10);
                    else if (typeof object.firstSuccessMs === "number")
                        message.firstSuccessMs = object.firstSuccessMs;
                    else if (typeof object.firstSuccessMs === "object")
                        message.firstSuccessMs = new $util.LongBits(object.firstSuccessMs.low >>> 0, object.firstSuccessMs.high >>> 0).toNumber();
                if (object.lastSuccessMs != null)
                    if ($util.Long)
                        message.lastSuccessMs = $util.Long.fromValue(object.lastSuccessMs, false);
                    else if (typeof object.lastSuccessMs === "string")
                        message.lastSuccessMs = parseInt(object.lastSuccessMs, 10);
                    else if (typeof object.lastSuccessMs === "number")
                        message.lastSuccessMs = object.lastSuccessMs;
                    else if (typeof object.lastSuccessMs === "object")
                        message.lastSuccessMs = new $util.LongBits(object.lastSuccessMs.low >>> 0, object.lastSuccessMs.high >>> 0).toNumber();
                if (object.lastFailureMs != null)
                    if ($util.Long)
                        message.lastFailureMs = $util.Long.fromValue(object.lastFailureMs, false);
                    else if (typeof object.lastFailureMs === "string")
                        message.lastFailureMs = parseInt(object.lastFailureMs, 10);
                    else if (typeof object.lastFailureMs === "number")
                        message.lastFailureMs = object.lastFailureMs;
                    else if (typeof object.lastFailureMs === "object")
                        message.lastFailureMs = new $util.LongBits(object.lastFailureMs.low >>> 0, object.lastFailureMs.high >>> 0).toNumber();
                if (object.lastFailureCause != null)
                    message.lastFailureCause = String(object.lastFailureCause);
                if (object.ready != null)
                    message.ready = Boolean(object.ready);
                return message;
            };

            /**
             * Creates a plain object from a HealthStatus message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.HealthStatus
             * @static
             * @param {berth.v1.HealthStatus} message HealthStatus
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            HealthStatus.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.state = "";
                    object.consecutiveFailures = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.firstSuccessMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.firstSuccessMs = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.lastSuccessMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.lastSuccessMs = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.lastFailureMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.lastFailureMs = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    object.lastFailureCause = "";
                    object.ready = false;
                }
                if (message.state != null && Object.hasOwnProperty.call(message, "state"))
                    object.state = message.state;
                if (message.consecutiveFailures != null && Object.hasOwnProperty.call(message, "consecutiveFailures"))
                    object.consecutiveFailures = message.consecutiveFailures;
                if (message.firstSuccessMs != null && Object.hasOwnProperty.call(message, "firstSuccessMs"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.firstSuccessMs = typeof message.firstSuccessMs === "number" ? BigInt(message.firstSuccessMs) : $util.Long.fromBits(message.firstSuccessMs.low >>> 0, message.firstSuccessMs.high >>> 0, false).toBigInt();
                    else if (typeof message.firstSuccessMs === "number")
                        object.firstSuccessMs = options.longs === String ? String(message.firstSuccessMs) : message.firstSuccessMs;
                    else
                        object.firstSuccessMs = options.longs === String ? $util.Long.prototype.toString.call(message.firstSuccessMs) : options.longs === Number ? new $util.LongBits(message.firstSuccessMs.low >>> 0, message.firstSuccessMs.high >>> 0).toNumber() : message.firstSuccessMs;
                if (message.lastSuccessMs != null && Object.hasOwnProperty.call(message, "lastSuccessMs"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.lastSuccessMs = typeof message.lastSuccessMs === "number" ? BigInt(message.lastSuccessMs) : $util.Long.fromBits(message.lastSuccessMs.low >>> 0, message.lastSuccessMs.high >>> 0, false).toBigInt();
                    else if (typeof message.lastSuccessMs === "number")
                        object.lastSuccessMs = options.longs === String ? String(message.lastSuccessMs) : message.lastSuccessMs;
                    else
                        object.lastSuccessMs = options.longs === String ? $util.Long.prototype.toString.call(message.lastSuccessMs) : options.longs === Number ? new $util.LongBits(message.lastSuccessMs.low >>> 0, message.lastSuccessMs.high >>> 0).toNumber() : message.lastSuccessMs;
                if (message.lastFailureMs != null && Object.hasOwnProperty.call(message, "lastFailureMs"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.lastFailureMs = typeof message.lastFailureMs === "number" ? BigInt(message.lastFailureMs) : $util.Long.fromBits(message.lastFailureMs.low >>> 0, message.lastFailureMs.high >>> 0, false).toBigInt();
                    else if (typeof message.lastFailureMs === "number")
                        object.lastFailureMs = options.longs === String ? String(message.lastFailureMs) : message.lastFailureMs;
                    else
                        object.lastFailureMs = options.longs === String ? $util.Long.prototype.toString.call(message.lastFailureMs) : options.longs === Number ? new $util.LongBits(message.lastFailureMs.low >>> 0, message.lastFailureMs.high >>> 0).toNumber() : message.lastFailureMs;
                if (message.lastFailureCause != null && Object.hasOwnProperty.call(message, "lastFailureCause"))
                    object.lastFailureCause = message.lastFailureCause;
                if (message.ready != null && Object.hasOwnProperty.call(message, "ready"))
                    object.ready = message.ready;
                return object;
            };

            /**
             * Converts this HealthStatus to JSON.
             * @function toJSON
             * @memberof berth.v1.HealthStatus
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            HealthStatus.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return HealthStatus;
        })();

        v1.StatusAck = (function() {

            /**
             * Properties of a StatusAck.
             * @memberof berth.v1
             * @interface IStatusAck
             * @property {string|null} [uuid] StatusAck uuid
             * @property {string|null} [taskId] StatusAck taskId
             * @property {string|null} [agentId] StatusAck agentId
             */

            /**
             * Constructs a new StatusAck.
             * @memberof berth.v1
             * @classdesc Represents a StatusAck.
             * @implements IStatusAck
             * @constructor
             * @param {berth.v1.IStatusAck=} [properties] Properties to set
             */
            function StatusAck(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * StatusAck uuid.
             * @member {string} uuid
             * @memberof berth.v1.StatusAck
             * @instance
             */
            StatusAck.prototype.uuid = "";

            /**
             * StatusAck taskId.
             * @member {string} taskId
             * @memberof berth.v1.StatusAck
             * @instance
             */
            StatusAck.prototype.taskId = "";

            /**
             * StatusAck agentId.
             * @member {string} agentId
             * @memberof berth.v1.StatusAck
             * @instance
             */
            StatusAck.prototype.agentId = "";

            /**
             * Creates a new StatusAck instance using the specified properties.
             * @function create
             * @memberof berth.v1.StatusAck
             * @static
             * @param {berth.v1.IStatusAck=} [properties] Properties to set
             * @returns {berth.v1.StatusAck} StatusAck instance
             */
            StatusAck.create = function create(properties) {
                return new StatusAck(properties);
            };

            /**
             * Encodes the specified StatusAck message. Does not implicitly {@link berth.v1.StatusAck.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.StatusAck
             * @static
             * @param {berth.v1.IStatusAck} message StatusAck message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StatusAck.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.uuid != null && Object.hasOwnProperty.call(message, "uuid"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.uuid);
                if (message.taskId != null && Object.hasOwnProperty.call(message, "taskId"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.taskId);
                if (message.agentId != null && Object.hasOwnProperty.call(message, "agentId"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.agentId);
                return writer;
            };

            /**
             * Decodes a StatusAck message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.StatusAck
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.StatusAck} StatusAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StatusAck.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.StatusAck();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.uuid = reader.string();
                            break;
                        }
                    case 2: {
                            message.taskId = reader.string();
                            break;
                        }
                    case 3: {
                            message.agentId = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates a StatusAck message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.StatusAck
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.StatusAck} StatusAck
             */
            StatusAck.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.StatusAck)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.StatusAck: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.StatusAck();
                if (object.uuid != null)
                    message.uuid = String(object.uuid);
                if (object.taskId != null)
                    message.taskId = String(object.taskId);
                if (object.agentId != null)
                    message.agentId = String(object.agentId);
                return message;
            };

            /**
             * Creates a plain object from a StatusAck message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.StatusAck
             * @static
             * @param {berth.v1.StatusAck} message StatusAck
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            StatusAck.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.uuid = "";
                    object.taskId = "";
                    object.agentId = "";
                }
                if (message.uuid != null && Object.hasOwnProperty.call(message, "uuid"))
                    object.uuid = message.uuid;
                if (message.taskId != null && Object.hasOwnProperty.call(message, "taskId"))
                    object.taskId = message.taskId;
                if (message.agentId != null && Object.hasOwnProperty.call(message, "agentId"))
                    object.agentId = message.agentId;
                return object;
            };

            /**
             * Converts this StatusAck to JSON.
             * @function toJSON
             * @memberof berth.v1.StatusAck
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            StatusAck.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StatusAck;
        })();

        v1.TaskRecord = (function() {

            /**
             * Properties of a TaskRecord.
             * @memberof berth.v1
             * @interface ITaskRecord
             * @property {string|null} [taskId] TaskRecord taskId
             * @property {string|null} [appId] TaskRecord appId
             * @property {string|null} [agentId] TaskRecord agentId
             * @property {string|null} [hostname] TaskRecord hostname
             * @property {Array.<number>|null} [ports] TaskRecord ports
             * @property {string|null} [state] TaskRecord state
             * @property {string|null} [message] TaskRecord message
             * @property {string|null} [version] TaskRecord version
             * @property {string|null} [configVersion] TaskRecord configVersion
             * @property {number|null} [stagedAtMs] TaskRecord stagedAtMs
             * @property {number|null} [startedAtMs] TaskRecord startedAtMs
             * @property {number|null} [updatedAtMs] TaskRecord updatedAtMs
             * @property {number|null} [lastSequence] TaskRecord lastSequence
             * @property {string|null} [containerId] TaskRecord containerId
             * @property {string|null} [goal] TaskRecord goal
             * @property {number|null} [exitCode] TaskRecord exitCode
             * @property {boolean|null} [hasExitCode] TaskRecord hasExitCode
             * @property {number|null} [endedAtMs] TaskRecord endedAtMs
             * @property {number|null} [killGracePeriodSeconds] TaskRecord killGracePeriodSeconds
             * @property {berth.v1.IHealthStatus|null} [health] TaskRecord health
             * @property {Array.<number>|null} [servicePorts] TaskRecord servicePorts
             * @property {Array.<string>|null} [ipAddresses] TaskRecord ipAddresses
             * @property {string|null} [frameworkId] TaskRecord frameworkId
             */

            /**
             * Constructs a new TaskRecord.
             * @memberof berth.v1
             * @classdesc Represents a TaskRecord.
             * @implements ITaskRecord
             * @constructor
             * @param {berth.v1.ITaskRecord=} [properties] Properties to set
             */
            function TaskRecord(properties) {
                this.ports = [];
                this.servicePorts = [];
                this.ipAddresses = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * TaskRecord taskId.
             * @member {string} taskId
             * @memberof berth.v1.TaskRecord
             * @instance
             */
            TaskRecord.prototype.taskId = "";

            /**
             * TaskRecord appId.
             * @member {string} appId
             * @memberof berth.v1.TaskRecord
             * @instance
             */
            TaskRecord.prototype.appId = "";

            /**
             * TaskRecord agentId.
             * @member {string} agentId
             * @memberof berth.v1.TaskRecord
             * @instance
             */
            TaskRecord.prototype.agentId = "";

            /**
             * TaskRecord hostname.
             * @member {string} hostname
             * @memberof berth.v1.TaskRecord
             * @instance
             */
            TaskRecord.prototype.hostname = "";

            /**
             * TaskRecord ports.
             * @member {Array.<number>} ports
             * @memberof berth.v1.TaskRecord
             * @instance
             */
            TaskRecord.prototype.ports = $util.emptyArray;

            /**
             * TaskRecord state.
             * @member {string} state
             * @memberof berth.v1.TaskRecord
             * @instance
             */
            TaskRecord.prototype.state = "";

            /**
             * TaskRecord message.
             * @member {string} message
             * @memberof berth.v1.TaskRecord
             * @instance
             */
            TaskRecord.prototype.message = "";

            /**
             * TaskRecord version.
             * @member {string} version
             * @memberof berth.v1.TaskRecord
             * @instance
             */
            TaskRecord.prototype.version = "";

            /**
             * TaskRecord configVersion.
             * @member {string} configVersion
             * @memberof berth.v1.TaskRecord
             * @instance
             */
            TaskRecord.prototype.configVersion = "";

            /**
             * TaskRecord stagedAtMs.
             * @member {number} stagedAtMs
             * @memberof berth.v1.TaskRecord
             * @instance
             */
            TaskRecord.prototype.stagedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * TaskRecord startedAtMs.
             * @member {number} startedAtMs
             * @memberof berth.v1.TaskRecord
             * @instance
             */
            TaskRecord.prototype.startedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * TaskRecord updatedAtMs.
             * @member {number} updatedAtMs
             * @memberof berth.v1.TaskRecord
             * @instance
             */
            TaskRecord.prototype.updatedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * TaskRecord lastSequence.
             * @member {number} lastSequence
             * @memberof berth.v1.TaskRecord
             * @instance
             */
            TaskRecord.prototype.lastSequence = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * TaskRecord containerId.
             * @member {string} containerId
             * @memberof berth.v1.TaskRecord
             * @instance
             */
            TaskRecord.prototype.containerId = "";

            /**
             * TaskRecord goal.
             * @member {string} goal
             * @memberof berth.v1.TaskRecord
             * @instance
             */
            TaskRecord.prototype.goal = "";

            /**
             * TaskRecord exitCode.
             * @member {number} exitCode
             * @memberof berth.v1.TaskRecord
             * @instance
             */
            TaskRecord.prototype.exitCode = 0;

            /**
             * TaskRecord hasExitCode.
             * @member {boolean} hasExitCode
             * @memberof berth.v1.TaskRecord
             * @instance
             */
            TaskRecord.prototype.hasExitCode = false;

            /**
             * TaskRecord endedAtMs.
             * @member {number} endedAtMs
             * @memberof berth.v1.TaskRecord
             * @instance
             */
            TaskRecord.prototype.endedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * TaskRecord killGracePeriodSeconds.
             * @member {number} killGracePeriodSeconds
             * @memberof berth.v1.TaskRecord
             * @instance
             */
            TaskRecord.prototype.killGracePeriodSeconds = 0;

            /**
             * TaskRecord health.
             * @member {berth.v1.IHealthStatus|null|undefined} health
             * @memberof berth.v1.TaskRecord
             * @instance
             */
            TaskRecord.prototype.health = null;

            /**
             * TaskRecord servicePorts.
             * @member {Array.<number>} servicePorts
             * @memberof berth.v1.TaskRecord
             * @instance
             */
            TaskRecord.prototype.servicePorts = $util.emptyArray;

            /**
             * TaskRecord ipAddresses.
             * @member {Array.<string>} ipAddresses
             * @memberof berth.v1.TaskRecord
             * @instance
             */
            TaskRecord.prototype.ipAddresses = $util.emptyArray;

            /**
             * TaskRecord frameworkId.
             * @member {string} frameworkId
             * @memberof berth.v1.TaskRecord
             * @instance
             */
            TaskRecord.prototype.frameworkId = "";

            /**
             * Creates a new TaskRecord instance using the specified properties.
             * @function create
             * @memberof berth.v1.TaskRecord
             * @static
             * @param {berth.v1.ITaskRecord=} [properties] Properties to set
             * @returns {berth.v1.TaskRecord} TaskRecord instance
             */
            TaskRecord.create = function create(properties) {
                return new TaskRecord(properties);
            };

            /**
             * Encodes the specified TaskRecord message. Does not implicitly {@link berth.v1.TaskRecord.verify|verify} messages.
             * @function encode
             * @memberof berth.v1.TaskRecord
             * @static
             * @param {berth.v1.ITaskRecord} message TaskRecord message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TaskRecord.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.taskId != null && Object.hasOwnProperty.call(message, "taskId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.taskId);
                if (message.appId != null && Object.hasOwnProperty.call(message, "appId"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.appId);
                if (message.agentId != null && Object.hasOwnProperty.call(message, "agentId"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.agentId);
                if (message.hostname != null && Object.hasOwnProperty.call(message, "hostname"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.hostname);
                if (message.ports != null && message.ports.length) {
                    writer.uint32(/* id 5, wireType 2 =*/42).fork();
                    for (let i = 0; i < message.ports.length; ++i)
                        writer.uint32(message.ports[i]);
                    writer.ldelim();
                }
                if (message.state != null && Object.hasOwnProperty.call(message, "state"))
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.state);
                if (message.message != null && Object.hasOwnProperty.call(message, "message"))
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.message);
                if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.version);
                if (message.configVersion != null && Object.hasOwnProperty.call(message, "configVersion"))
                    writer.uint32(/* id 9, wireType 2 =*/74).string(message.configVersion);
                if (message.stagedAtMs != null && Object.hasOwnProperty.call(message, "stagedAtMs"))
                    writer.uint32(/* id 10, wireType 0 =*/80).int64(message.stagedAtMs);
                if (message.startedAtMs != null && Object.hasOwnProperty.call(message, "startedAtMs"))
                    writer.uint32(/* id 11, wireType 0 =*/88).int64(message.startedAtMs);
                if (message.updatedAtMs != null && Object.hasOwnProperty.call(message, "updatedAtMs"))
                    writer.uint32(/* id 12, wireType 0 =*/96).int64(message.updatedAtMs);
                if (message.lastSequence != null && Object.hasOwnProperty.call(message, "lastSequence"))
                    writer.uint32(/* id 13, wireType 0 =*/104).uint64(message.lastSequence);
                if (message.containerId != null && Object.hasOwnProperty.call(message, "containerId"))
                    writer.uint32(/* id 14, wireType 2 =*/114).string(message.containerId);
                if (message.goal != null && Object.hasOwnProperty.call(message, "goal"))
                    writer.uint32(/* id 15, wireType 2 =*/122).string(message.goal);
                if (message.exitCode != null && Object.hasOwnProperty.call(message, "exitCode"))
                    writer.uint32(/* id 16, wireType 0 =*/128).int32(message.exitCode);
                if (message.hasExitCode != null && Object.hasOwnProperty.call(message, "hasExitCode"))
                    writer.uint32(/* id 17, wireType 0 =*/136).bool(message.hasExitCode);
                if (message.endedAtMs != null && Object.hasOwnProperty.call(message, "endedAtMs"))
                    writer.uint32(/* id 18, wireType 0 =*/144).int64(message.endedAtMs);
                if (message.killGracePeriodSeconds != null && Object.hasOwnProperty.call(message, "killGracePeriodSeconds"))
                    writer.uint32(/* id 19, wireType 0 =*/152).uint32(message.killGracePeriodSeconds);
                if (message.health != null && Object.hasOwnProperty.call(message, "health"))
                    $root.berth.v1.HealthStatus.encode(message.health, writer.uint32(/* id 20, wireType 2 =*/162).fork(), q + 1).ldelim();
                if (message.servicePorts != null && message.servicePorts.length) {
                    writer.uint32(/* id 21, wireType 2 =*/170).fork();
                    for (let i = 0; i < message.servicePorts.length; ++i)
                        writer.uint32(message.servicePorts[i]);
                    writer.ldelim();
                }
                if (message.ipAddresses != null && message.ipAddresses.length)
                    for (let i = 0; i < message.ipAddresses.length; ++i)
                        writer.uint32(/* id 22, wireType 2 =*/178).string(message.ipAddresses[i]);
                if (message.frameworkId != null && Object.hasOwnProperty.call(message, "frameworkId"))
                    writer.uint32(/* id 23, wireType 2 =*/186).string(message.frameworkId);
                return writer;
            };

            /**
             * Decodes a TaskRecord message from the specified reader or buffer.
             * @function decode
             * @memberof berth.v1.TaskRecord
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {berth.v1.TaskRecord} TaskRecord
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TaskRecord.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.berth.v1.TaskRecord();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.taskId = reader.string();
                            break;
                        }
                    case 2: {
                            message.appId = reader.string();
                            break;
                        }
                    case 3: {
                            message.agentId = reader.string();
                            break;
                        }
                    case 4: {
                            message.hostname = reader.string();
                            break;
                        }
                    case 5: {
                            if (!(message.ports && message.ports.length))
                                message.ports = [];
                            if ((tag & 7) === 2) {
                                let end2 = reader.uint32() + reader.pos;
                                if (end2 > reader.len)
                                    throw RangeError("index out of range");
                                reader.len = end2;
                                while (reader.pos < end2)
                                    message.ports.push(reader.uint32());
                                if (reader.pos !== end2)
                                    throw RangeError("index out of range");
                                reader.len = end;
                            } else
                                message.ports.push(reader.uint32());
                            break;
                        }
                    case 6: {
                            message.state = reader.string();
                            break;
                        }
                    case 7: {
                            message.message = reader.string();
                            break;
                        }
                    case 8: {
                            message.version = reader.string();
                            break;
                        }
                    case 9: {
                            message.configVersion = reader.string();
                            break;
                        }
                    case 10: {
                            message.stagedAtMs = reader.int64();
                            break;
                        }
                    case 11: {
                            message.startedAtMs = reader.int64();
                            break;
                        }
                    case 12: {
                            message.updatedAtMs = reader.int64();
                            break;
                        }
                    case 13: {
                            message.lastSequence = reader.uint64();
                            break;
                        }
                    case 14: {
                            message.containerId = reader.string();
                            break;
                        }
                    case 15: {
                            message.goal = reader.string();
                            break;
                        }
                    case 16: {
                            message.exitCode = reader.int32();
                            break;
                        }
                    case 17: {
                            message.hasExitCode = reader.bool();
                            break;
                        }
                    case 18: {
                            message.endedAtMs = reader.int64();
                            break;
                        }
                    case 19: {
                            message.killGracePeriodSeconds = reader.uint32();
                            break;
                        }
                    case 20: {
                            message.health = $root.berth.v1.HealthStatus.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 21: {
                            if (!(message.servicePorts && message.servicePorts.length))
                                message.servicePorts = [];
                            if ((tag & 7) === 2) {
                                let end2 = reader.uint32() + reader.pos;
                                if (end2 > reader.len)
                                    throw RangeError("index out of range");
                                reader.len = end2;
                                while (reader.pos < end2)
                                    message.servicePorts.push(reader.uint32());
                                if (reader.pos !== end2)
                                    throw RangeError("index out of range");
                                reader.len = end;
                            } else
                                message.servicePorts.push(reader.uint32());
                            break;
                        }
                    case 22: {
                            if (!(message.ipAddresses && message.ipAddresses.length))
                                message.ipAddresses = [];
                            message.ipAddresses.push(reader.string());
                            break;
                        }
                    case 23: {
                            message.frameworkId = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates a TaskRecord message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof berth.v1.TaskRecord
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {berth.v1.TaskRecord} TaskRecord
             */
            TaskRecord.fromObject = function fromObject(object, long) {
                if (object instanceof $root.berth.v1.TaskRecord)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".berth.v1.TaskRecord: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.berth.v1.TaskRecord();
                if (object.taskId != null)
                    message.taskId = String(object.taskId);
                if (object.appId != null)
                    message.appId = String(object.appId);
                if (object.agentId != null)
                    message.agentId = String(object.agentId);
                if (object.hostname != null)
                    message.hostname = String(object.hostname);
                if (object.ports) {
                    if (!Array.isArray(object.ports))
                        throw TypeError(".berth.v1.TaskRecord.ports: array expected");
                    message.ports = [];
                    for (let i = 0; i < object.ports.length; ++i)
                        message.ports[i] = object.ports[i] >>> 0;
                }
                if (object.state != null)
                    message.state = String(object.state);
                if (object.message != null)
                    message.message = String(object.message);
                if (object.version != null)
                    message.version = String(object.version);
                if (object.configVersion != null)
                    message.configVersion = String(object.configVersion);
                if (object.stagedAtMs != null)
                    if ($util.Long)
                        message.stagedAtMs = $util.Long.fromValue(object.stagedAtMs, false);
                    else if (typeof object.stagedAtMs === "string")
                        message.stagedAtMs = parseInt(object.stagedAtMs, 10);
                    else if (typeof object.stagedAtMs === "number")
                        message.stagedAtMs = object.stagedAtMs;
                    else if (typeof object.stagedAtMs === "object")
                        message.stagedAtMs = new $util.LongBits(object.stagedAtMs.low >>> 0, object.stagedAtMs.high >>> 0).toNumber();
                if (object.startedAtMs != null)
                    if ($util.Long)
                        message.startedAtMs = $util.Long.fromValue(object.startedAtMs, false);
                    else if (typeof object.startedAtMs === "string")
                        message.startedAtMs = parseInt(object.startedAtMs, 10);
                    else if (typeof object.startedAtMs === "number")
                        message.startedAtMs = object.startedAtMs;
                    else if (typeof object.startedAtMs === "object")
                        message.startedAtMs = new $util.LongBits(object.startedAtMs.low >>> 0, object.startedAtMs.high >>> 0).toNumber();
                if (object.updatedAtMs != null)
                    if ($util.Long)
                        message.updatedAtMs = $util.Long.fromValue(object.updatedAtMs, false);
                    else if (typeof object.updatedAtMs === "string")
                        message.updatedAtMs = parseInt(object.updatedAtMs, 10);
                    else if (typeof object.updatedAtMs === "number")
                        message.updatedAtMs = object.updatedAtMs;
                    else if (typeof object.updatedAtMs === "object")
                        message.updatedAtMs = new $util.LongBits(object.updatedAtMs.low >>> 0, object.updatedAtMs.high >>> 0).toNumber();
                if (object.lastSequence != null)
                    if ($util.Long)
                        message.lastSequence = $util.Long.fromValue(object.lastSequence, true);
                    else if (typeof object.lastSequence === "string")
                        message.lastSequence = parseInt(object.lastSequence, 10);
                    else if (typeof object.lastSequence === "number")
                        message.lastSequence = object.lastSequence;
                    else if (typeof object.lastSequence === "object")
                        message.lastSequence = new $util.LongBits(object.lastSequence.low >>> 0, object.lastSequence.high >>> 0).toNumber(true);
                if (object.containerId != null)
                    message.containerId = String(object.containerId);
                if (object.goal != null)
                    message.goal = String(object.goal);
                if (object.exitCode != null)
                    message.exitCode = object.exitCode | 0;
                if (object.hasExitCode != null)
                    message.hasExitCode = Boolean(object.hasExitCode);
                if (object.endedAtMs != null)
                    if ($util.Long)
                        message.endedAtMs = $util.Long.fromValue(object.endedAtMs, false);
                    else if (typeof object.endedAtMs === "string")
                        message.endedAtMs = parseInt(object.endedAtMs, 10);
                    else if (typeof object.endedAtMs === "number")
                        message.endedAtMs = object.endedAtMs;
                    else if (typeof object.endedAtMs === "object")
                        message.endedAtMs = new $util.LongBits(object.endedAtMs.low >>> 0, object.endedAtMs.high >>> 0).toNumber();
                if (object.killGracePeriodSeconds != null)
                    message.killGracePeriodSeconds = object.killGracePeriodSeconds >>> 0;
                if (object.health != null) {
                    if (!$util.isObject(object.health))
                        throw TypeError(".berth.v1.TaskRecord.health: object expected");
                    message.health = $root.berth.v1.HealthStatus.fromObject(object.health, long + 1);
                }
                if (object.servicePorts) {
                    if (!Array.isArray(object.servicePorts))
                        throw TypeError(".berth.v1.TaskRecord.servicePorts: array expected");
                    message.servicePorts = [];
                    for (let i = 0; i < object.servicePorts.length; ++i)
                        message.servicePorts[i] = object.servicePorts[i] >>> 0;
                }
                if (object.ipAddresses) {
                    if (!Array.isArray(object.ipAddresses))
                        throw TypeError(".berth.v1.TaskRecord.ipAddresses: array expected");
                    message.ipAddresses = [];
                    for (let i = 0; i < object.ipAddresses.length; ++i)
                        message.ipAddresses[i] = String(object.ipAddresses[i]);
                }
                if (object.frameworkId != null)
                    message.frameworkId = String(object.frameworkId);
                return message;
            };

            /**
             * Creates a plain object from a TaskRecord message. Also converts values to other types if specified.
             * @function toObject
             * @memberof berth.v1.TaskRecord
             * @static
             * @param {berth.v1.TaskRecord} message TaskRecord
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TaskRecord.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.ports = [];
                    object.servicePorts = [];
                    object.ipAddresses = [];
                }
                if (options.defaults) {
                    object.taskId = "";
                    object.appId = "";
                    object.agentId = "";
                    object.hostname = "";
                    object.state = "";
                    object.message = "";
                    object.version = "";
                    object.configVersion = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.stagedAtMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.stagedAtMs = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.startedAtMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.startedAtMs = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.updatedAtMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.updatedAtMs = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.lastSequence = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.lastSequence = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    object.containerId = "";
                    object.goal = "";
                    object.exitCode = 0;
                    object.hasExitCode = false;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.endedAtMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.endedAtMs = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    object.killGracePeriodSeconds = 0;
                    object.health = null;
                    object.frameworkId = "";
                }
                if (message.taskId != null && Object.hasOwnProperty.call(message, "taskId"))
                    object.taskId = message.taskId;
                if (message.appId != null && Object.hasOwnProperty.call(message, "appId"))
                    object.appId = message.appId;
                if (message.agentId != null && Object.hasOwnProperty.call(message, "agentId"))
                    object.agentId = message.agentId;
                if (message.hostname != null && Object.hasOwnProperty.call(message, "hostname"))
                    object.hostname = message.hostname;
                if (message.ports && message.ports.length) {
                    object.ports = [];
                    for (let j = 0; j < message.ports.length; ++j)
                        object.ports[j] = message.ports[j];
                }
                if (message.state != null && Object.hasOwnProperty.call(message, "state"))
                    object.state = message.state;
                if (message.message != null && Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                    object.version = message.version;
                if (message.configVersion != null && Object.hasOwnProperty.call(message, "configVersion"))
                    object.configVersion = message.configVersion;
                if (message.stagedAtMs != null && Object.hasOwnProperty.call(message, "stagedAtMs"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.stagedAtMs = typeof message.stagedAtMs === "number" ? BigInt(message.stagedAtMs) : $util.Long.fromBits(message.stagedAtMs.low >>> 0, message.stagedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.stagedAtMs === "number")
                        object.stagedAtMs = options.longs === String ? String(message.stagedAtMs) : message.stagedAtMs;
                    else
                        object.stagedAtMs = options.longs === String ? $util.Long.prototype.toString.call(message.stagedAtMs) : options.longs === Number ? new $util.LongBits(message.stagedAtMs.low >>> 0, message.stagedAtMs.high >>> 0).toNumber() : message.stagedAtMs;
                if (message.startedAtMs != null && Object.hasOwnProperty.call(message, "startedAtMs"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.startedAtMs = typeof message.startedAtMs === "number" ? BigInt(message.startedAtMs) : $util.Long.fromBits(message.startedAtMs.low >>> 0, message.startedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.startedAtMs === "number")
                        object.startedAtMs = options.longs === String ? String(message.startedAtMs) : message.startedAtMs;
                    else
                        object.startedAtMs = options.longs === String ? $util.Long.prototype.toString.call(message.startedAtMs) : options.longs === Number ? new $util.LongBits(message.startedAtMs.low >>> 0, message.startedAtMs.high >>> 0).toNumber() : message.startedAtMs;
                if (message.updatedAtMs != null && Object.hasOwnProperty.call(message, "updatedAtMs"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.updatedAtMs = typeof message.updatedAtMs === "number" ? BigInt(message.updatedAtMs) : $util.Long.fromBits(message.updatedAtMs.low >>> 0, message.updatedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.updatedAtMs === "number")
                        object.updatedAtMs = options.longs === String ? String(message.updatedAtMs) : message.updatedAtMs;
                    else
                        object.updatedAtMs = options.longs === String ? $util.Long.prototype.toString.call(message.updatedAtMs) : options.longs === Number ? new $util.LongBits(message.updatedAtMs.low >>> 0, message.updatedAtMs.high >>> 0).toNumber() : message.updatedAtMs;
                if (message.lastSequence != null && Object.hasOwnProperty.call(message, "lastSequence"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.lastSequence = typeof message.lastSequence === "number" ? BigInt(message.lastSequence) : $util.Long.fromBits(message.lastSequence.low >>> 0, message.lastSequence.high >>> 0, true).toBigInt();
                    else if (typeof message.lastSequence === "number")
                        object.lastSequence = options.longs === String ? String(message.lastSequence) : message.lastSequence;
                    else
                        object.lastSequence = options.longs === String ? $util.Long.prototype.toString.call(message.lastSequence) : options.longs === Number ? new $util.LongBits(message.lastSequence.low >>> 0, message.lastSequence.high >>> 0).toNumber(true) : message.lastSequence;
                if (message.containerId != null && Object.hasOwnProperty.call(message, "containerId"))
                    object.containerId = message.containerId;
                if (message.goal != null && Object.hasOwnProperty.call(message, "goal"))
                    object.goal = message.goal;
                if (message.exitCode != null && Object.hasOwnProperty.call(message, "exitCode"))
                    object.exitCode = message.exitCode;
                if (message.hasExitCode != null && Object.hasOwnProperty.call(message, "hasExitCode"))
                    object.hasExitCode = message.hasExitCode;
                if (message.endedAtMs != null && Object.hasOwnProperty.call(message, "endedAtMs"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.endedAtMs = typeof message.endedAtMs === "number" ? BigInt(message.endedAtMs) : $util.Long.fromBits(message.endedAtMs.low >>> 0, message.endedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.endedAtMs === "number")
                        object.endedAtMs = options.longs === String ? String(message.endedAtMs) : message.endedAtMs;
                    else
                        object.endedAtMs = options.longs === String ? $util.Long.prototype.toString.call(message.endedAtMs) : options.longs === Number ? new $util.LongBits(message.endedAtMs.low >>> 0, message.endedAtMs.high >>> 0).toNumber() : message.endedAtMs;
                if (message.killGracePeriodSeconds != null && Object.hasOwnProperty.call(message, "killGracePeriodSeconds"))
                    object.killGracePeriodSeconds = message.killGracePeriodSeconds;
                if (message.health != null && Object.hasOwnProperty.call(message, "health"))
                    object.health = $root.berth.v1.HealthStatus.toObject(message.health, options, q + 1);
                if (message.servicePorts && message.servicePorts.length) {
                    object.servicePorts = [];
                    for (let j = 0; j < message.servicePorts.length; ++j)
                        object.servicePorts[j] = message.servicePorts[j];
                }
                if (message.ipAddresses && message.ipAddresses.length) {
                    object.ipAddresses = [];
                    for (let j = 0; j < message.ipAddresses.length; ++j)
                        object.ipAddresses[j] = message.ipAddresses[j];
                }
                if (message.frameworkId != null && Object.hasOwnProperty.call(message, "frameworkId"))
                    object.frameworkId = message.frameworkId;
                return object;
            };

            /**
             * Converts this TaskRecord to JSON.
             * @function toJSON
             * @memberof berth.v1.TaskRecord
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TaskRecord.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return TaskRecord;
        })();

        return v1;
    })();

    return berth;
})();

export { $root as default };
