import * as $protobuf from "protobufjs";
export namespace berth {

    namespace v1 {

        interface IAgentRegistration {
            agentId?: (string|null);
            hostname?: (string|null);
            resources?: (berth.v1.IResources|null);
            attributes?: ({ [k: string]: string }|null);
            version?: (string|null);
            metricsUrl?: (string|null);
            startedAtMs?: (number|null);
            sealingKey?: (Uint8Array|null);
        }

        class AgentRegistration implements IAgentRegistration {
            constructor(properties?: berth.v1.IAgentRegistration);
            public agentId: string;
            public hostname: string;
            public resources?: (berth.v1.IResources|null);
            public attributes: { [k: string]: string };
            public version: string;
            public metricsUrl: string;
            public startedAtMs: number;
            public sealingKey: Uint8Array;
            public static create(properties?: berth.v1.IAgentRegistration): berth.v1.AgentRegistration;
            public static encode(message: berth.v1.IAgentRegistration, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.AgentRegistration;
            public static fromObject(object: { [k: string]: any }): berth.v1.AgentRegistration;
            public static toObject(message: berth.v1.AgentRegistration, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IAgentRegistrationReply {
            accepted?: (boolean|null);
            error?: (berth.v1.IErrorData|null);
        }

        class AgentRegistrationReply implements IAgentRegistrationReply {
            constructor(properties?: berth.v1.IAgentRegistrationReply);
            public accepted: boolean;
            public error?: (berth.v1.IErrorData|null);
            public static create(properties?: berth.v1.IAgentRegistrationReply): berth.v1.AgentRegistrationReply;
            public static encode(message: berth.v1.IAgentRegistrationReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.AgentRegistrationReply;
            public static fromObject(object: { [k: string]: any }): berth.v1.AgentRegistrationReply;
            public static toObject(message: berth.v1.AgentRegistrationReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IAgentHeartbeat {
            agentId?: (string|null);
            sentAtMs?: (number|null);
            healthy?: (boolean|null);
            healthMessage?: (string|null);
            runningTasks?: (number|null);
        }

        class AgentHeartbeat implements IAgentHeartbeat {
            constructor(properties?: berth.v1.IAgentHeartbeat);
            public agentId: string;
            public sentAtMs: number;
            public healthy: boolean;
            public healthMessage: string;
            public runningTasks: number;
            public static create(properties?: berth.v1.IAgentHeartbeat): berth.v1.AgentHeartbeat;
            public static encode(message: berth.v1.IAgentHeartbeat, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.AgentHeartbeat;
            public static fromObject(object: { [k: string]: any }): berth.v1.AgentHeartbeat;
            public static toObject(message: berth.v1.AgentHeartbeat, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IAgentUsage {
            agentId?: (string|null);
            collectedAtMs?: (number|null);
            tasks?: (berth.v1.ITaskUsage[]|null);
        }

        class AgentUsage implements IAgentUsage {
            constructor(properties?: berth.v1.IAgentUsage);
            public agentId: string;
            public collectedAtMs: number;
            public tasks: berth.v1.ITaskUsage[];
            public static create(properties?: berth.v1.IAgentUsage): berth.v1.AgentUsage;
            public static encode(message: berth.v1.IAgentUsage, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.AgentUsage;
            public static fromObject(object: { [k: string]: any }): berth.v1.AgentUsage;
            public static toObject(message: berth.v1.AgentUsage, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface ITaskUsage {
            taskId?: (string|null);
            appId?: (string|null);
            cpuSeconds?: (number|null);
            cpuThrottledSeconds?: (number|null);
            memoryWorkingSetBytes?: (number|null);
            memoryLimitBytes?: (number|null);
        }

        class TaskUsage implements ITaskUsage {
            constructor(properties?: berth.v1.ITaskUsage);
            public taskId: string;
            public appId: string;
            public cpuSeconds: number;
            public cpuThrottledSeconds: number;
            public memoryWorkingSetBytes: number;
            public memoryLimitBytes: number;
            public static create(properties?: berth.v1.ITaskUsage): berth.v1.TaskUsage;
            public static encode(message: berth.v1.ITaskUsage, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.TaskUsage;
            public static fromObject(object: { [k: string]: any }): berth.v1.TaskUsage;
            public static toObject(message: berth.v1.TaskUsage, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IAgentRecord {
            registration?: (berth.v1.IAgentRegistration|null);
            registeredAtMs?: (number|null);
            lastHeartbeatMs?: (number|null);
            healthy?: (boolean|null);
            healthMessage?: (string|null);
            unreachableSinceMs?: (number|null);
        }

        class AgentRecord implements IAgentRecord {
            constructor(properties?: berth.v1.IAgentRecord);
            public registration?: (berth.v1.IAgentRegistration|null);
            public registeredAtMs: number;
            public lastHeartbeatMs: number;
            public healthy: boolean;
            public healthMessage: string;
            public unreachableSinceMs: number;
            public static create(properties?: berth.v1.IAgentRecord): berth.v1.AgentRecord;
            public static encode(message: berth.v1.IAgentRecord, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.AgentRecord;
            public static fromObject(object: { [k: string]: any }): berth.v1.AgentRecord;
            public static toObject(message: berth.v1.AgentRecord, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IPortRange {
            begin?: (number|null);
            end?: (number|null);
        }

        class PortRange implements IPortRange {
            constructor(properties?: berth.v1.IPortRange);
            public begin: number;
            public end: number;
            public static create(properties?: berth.v1.IPortRange): berth.v1.PortRange;
            public static encode(message: berth.v1.IPortRange, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.PortRange;
            public static fromObject(object: { [k: string]: any }): berth.v1.PortRange;
            public static toObject(message: berth.v1.PortRange, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IResources {
            cpus?: (number|null);
            mem?: (number|null);
            disk?: (number|null);
            ports?: (berth.v1.IPortRange[]|null);
        }

        class Resources implements IResources {
            constructor(properties?: berth.v1.IResources);
            public cpus: number;
            public mem: number;
            public disk: number;
            public ports: berth.v1.IPortRange[];
            public static create(properties?: berth.v1.IResources): berth.v1.Resources;
            public static encode(message: berth.v1.IResources, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.Resources;
            public static fromObject(object: { [k: string]: any }): berth.v1.Resources;
            public static toObject(message: berth.v1.Resources, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IErrorData {
            code?: (string|null);
            message?: (string|null);
            retryable?: (boolean|null);
        }

        class ErrorData implements IErrorData {
            constructor(properties?: berth.v1.IErrorData);
            public code: string;
            public message: string;
            public retryable: boolean;
            public static create(properties?: berth.v1.IErrorData): berth.v1.ErrorData;
            public static encode(message: berth.v1.IErrorData, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.ErrorData;
            public static fromObject(object: { [k: string]: any }): berth.v1.ErrorData;
            public static toObject(message: berth.v1.ErrorData, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface ILogRequest {
            taskId?: (string|null);
            tailLines?: (number|null);
            follow?: (boolean|null);
            stdout?: (boolean|null);
            stderr?: (boolean|null);
            streamId?: (string|null);
        }

        class LogRequest implements ILogRequest {
            constructor(properties?: berth.v1.ILogRequest);
            public taskId: string;
            public tailLines: number;
            public follow: boolean;
            public stdout: boolean;
            public stderr: boolean;
            public streamId: string;
            public static create(properties?: berth.v1.ILogRequest): berth.v1.LogRequest;
            public static encode(message: berth.v1.ILogRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.LogRequest;
            public static fromObject(object: { [k: string]: any }): berth.v1.LogRequest;
            public static toObject(message: berth.v1.LogRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface ILogChunk {
            data?: (Uint8Array|null);
            stream?: (string|null);
            eof?: (boolean|null);
            error?: (berth.v1.IErrorData|null);
        }

        class LogChunk implements ILogChunk {
            constructor(properties?: berth.v1.ILogChunk);
            public data: Uint8Array;
            public stream: string;
            public eof: boolean;
            public error?: (berth.v1.IErrorData|null);
            public static create(properties?: berth.v1.ILogChunk): berth.v1.LogChunk;
            public static encode(message: berth.v1.ILogChunk, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.LogChunk;
            public static fromObject(object: { [k: string]: any }): berth.v1.LogChunk;
            public static toObject(message: berth.v1.LogChunk, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface ITaskRequirements {
            taskId?: (string|null);
            appId?: (string|null);
            cpus?: (number|null);
            mem?: (number|null);
            disk?: (number|null);
            portCount?: (number|null);
            requiredPorts?: (number[]|null);
            constraints?: (berth.v1.IConstraint[]|null);
            network?: (string|null);
            command?: (boolean|null);
            frameworkId?: (string|null);
            agentId?: (string|null);
        }

        class TaskRequirements implements ITaskRequirements {
            constructor(properties?: berth.v1.ITaskRequirements);
            public taskId: string;
            public appId: string;
            public cpus: number;
            public mem: number;
            public disk: number;
            public portCount: number;
            public requiredPorts: number[];
            public constraints: berth.v1.IConstraint[];
            public network: string;
            public command: boolean;
            public frameworkId: string;
            public agentId: string;
            public static create(properties?: berth.v1.ITaskRequirements): berth.v1.TaskRequirements;
            public static encode(message: berth.v1.ITaskRequirements, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.TaskRequirements;
            public static fromObject(object: { [k: string]: any }): berth.v1.TaskRequirements;
            public static toObject(message: berth.v1.TaskRequirements, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IConstraint {
            field?: (string|null);
            operator?: (string|null);
            value?: (string|null);
        }

        class Constraint implements IConstraint {
            constructor(properties?: berth.v1.IConstraint);
            public field: string;
            public operator: string;
            public value: string;
            public static create(properties?: berth.v1.IConstraint): berth.v1.Constraint;
            public static encode(message: berth.v1.IConstraint, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.Constraint;
            public static fromObject(object: { [k: string]: any }): berth.v1.Constraint;
            public static toObject(message: berth.v1.Constraint, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IPlacementRequest {
            tasks?: (berth.v1.ITaskRequirements[]|null);
        }

        class PlacementRequest implements IPlacementRequest {
            constructor(properties?: berth.v1.IPlacementRequest);
            public tasks: berth.v1.ITaskRequirements[];
            public static create(properties?: berth.v1.IPlacementRequest): berth.v1.PlacementRequest;
            public static encode(message: berth.v1.IPlacementRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.PlacementRequest;
            public static fromObject(object: { [k: string]: any }): berth.v1.PlacementRequest;
            public static toObject(message: berth.v1.PlacementRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IPlacement {
            taskId?: (string|null);
            agentId?: (string|null);
            hostname?: (string|null);
            ports?: (number[]|null);
        }

        class Placement implements IPlacement {
            constructor(properties?: berth.v1.IPlacement);
            public taskId: string;
            public agentId: string;
            public hostname: string;
            public ports: number[];
            public static create(properties?: berth.v1.IPlacement): berth.v1.Placement;
            public static encode(message: berth.v1.IPlacement, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.Placement;
            public static fromObject(object: { [k: string]: any }): berth.v1.Placement;
            public static toObject(message: berth.v1.Placement, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IUnplaced {
            taskId?: (string|null);
            reasons?: (string[]|null);
        }

        class Unplaced implements IUnplaced {
            constructor(properties?: berth.v1.IUnplaced);
            public taskId: string;
            public reasons: string[];
            public static create(properties?: berth.v1.IUnplaced): berth.v1.Unplaced;
            public static encode(message: berth.v1.IUnplaced, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.Unplaced;
            public static fromObject(object: { [k: string]: any }): berth.v1.Unplaced;
            public static toObject(message: berth.v1.Unplaced, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IPlacementReply {
            placements?: (berth.v1.IPlacement[]|null);
            unplaced?: (berth.v1.IUnplaced[]|null);
            error?: (berth.v1.IErrorData|null);
        }

        class PlacementReply implements IPlacementReply {
            constructor(properties?: berth.v1.IPlacementReply);
            public placements: berth.v1.IPlacement[];
            public unplaced: berth.v1.IUnplaced[];
            public error?: (berth.v1.IErrorData|null);
            public static create(properties?: berth.v1.IPlacementReply): berth.v1.PlacementReply;
            public static encode(message: berth.v1.IPlacementReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.PlacementReply;
            public static fromObject(object: { [k: string]: any }): berth.v1.PlacementReply;
            public static toObject(message: berth.v1.PlacementReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IReservation {
            taskId?: (string|null);
            appId?: (string|null);
            cpus?: (number|null);
            mem?: (number|null);
            disk?: (number|null);
            ports?: (number[]|null);
            reservedAtMs?: (number|null);
            frameworkId?: (string|null);
        }

        class Reservation implements IReservation {
            constructor(properties?: berth.v1.IReservation);
            public taskId: string;
            public appId: string;
            public cpus: number;
            public mem: number;
            public disk: number;
            public ports: number[];
            public reservedAtMs: number;
            public frameworkId: string;
            public static create(properties?: berth.v1.IReservation): berth.v1.Reservation;
            public static encode(message: berth.v1.IReservation, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.Reservation;
            public static fromObject(object: { [k: string]: any }): berth.v1.Reservation;
            public static toObject(message: berth.v1.Reservation, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IAgentLedger {
            agentId?: (string|null);
            reservations?: (berth.v1.IReservation[]|null);
        }

        class AgentLedger implements IAgentLedger {
            constructor(properties?: berth.v1.IAgentLedger);
            public agentId: string;
            public reservations: berth.v1.IReservation[];
            public static create(properties?: berth.v1.IAgentLedger): berth.v1.AgentLedger;
            public static encode(message: berth.v1.IAgentLedger, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.AgentLedger;
            public static fromObject(object: { [k: string]: any }): berth.v1.AgentLedger;
            public static toObject(message: berth.v1.AgentLedger, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IOffer {
            agentId?: (string|null);
            hostname?: (string|null);
            free?: (berth.v1.IResources|null);
            attributes?: ({ [k: string]: string }|null);
        }

        class Offer implements IOffer {
            constructor(properties?: berth.v1.IOffer);
            public agentId: string;
            public hostname: string;
            public free?: (berth.v1.IResources|null);
            public attributes: { [k: string]: string };
            public static create(properties?: berth.v1.IOffer): berth.v1.Offer;
            public static encode(message: berth.v1.IOffer, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.Offer;
            public static fromObject(object: { [k: string]: any }): berth.v1.Offer;
            public static toObject(message: berth.v1.Offer, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IOfferList {
            offers?: (berth.v1.IOffer[]|null);
        }

        class OfferList implements IOfferList {
            constructor(properties?: berth.v1.IOfferList);
            public offers: berth.v1.IOffer[];
            public static create(properties?: berth.v1.IOfferList): berth.v1.OfferList;
            public static encode(message: berth.v1.IOfferList, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.OfferList;
            public static fromObject(object: { [k: string]: any }): berth.v1.OfferList;
            public static toObject(message: berth.v1.OfferList, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IKeyValue {
            key?: (string|null);
            value?: (string|null);
        }

        class KeyValue implements IKeyValue {
            constructor(properties?: berth.v1.IKeyValue);
            public key: string;
            public value: string;
            public static create(properties?: berth.v1.IKeyValue): berth.v1.KeyValue;
            public static encode(message: berth.v1.IKeyValue, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.KeyValue;
            public static fromObject(object: { [k: string]: any }): berth.v1.KeyValue;
            public static toObject(message: berth.v1.KeyValue, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IVolumeSpec {
            containerPath?: (string|null);
            hostPath?: (string|null);
            mode?: (string|null);
        }

        class VolumeSpec implements IVolumeSpec {
            constructor(properties?: berth.v1.IVolumeSpec);
            public containerPath: string;
            public hostPath: string;
            public mode: string;
            public static create(properties?: berth.v1.IVolumeSpec): berth.v1.VolumeSpec;
            public static encode(message: berth.v1.IVolumeSpec, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.VolumeSpec;
            public static fromObject(object: { [k: string]: any }): berth.v1.VolumeSpec;
            public static toObject(message: berth.v1.VolumeSpec, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface ITaskSpec {
            taskId?: (string|null);
            appId?: (string|null);
            version?: (string|null);
            image?: (string|null);
            forcePullImage?: (boolean|null);
            privileged?: (boolean|null);
            cmd?: (string|null);
            args?: (string[]|null);
            hasArgs?: (boolean|null);
            env?: ({ [k: string]: string }|null);
            labels?: ({ [k: string]: string }|null);
            user?: (string|null);
            cpus?: (number|null);
            mem?: (number|null);
            disk?: (number|null);
            ports?: (number[]|null);
            portNames?: (string[]|null);
            killGracePeriodSeconds?: (number|null);
            parameters?: (berth.v1.IKeyValue[]|null);
            volumes?: (berth.v1.IVolumeSpec[]|null);
            networkMode?: (string|null);
            healthChecksJson?: (string|null);
            pullTimeoutSeconds?: (number|null);
            pullAuthJson?: (string|null);
            readinessChecksJson?: (string|null);
            pidsLimit?: (number|null);
            sealedEnv?: (Uint8Array|null);
            portMappings?: (berth.v1.IPortMappingSpec[]|null);
            fetch?: (berth.v1.IFetchSpec[]|null);
            members?: (berth.v1.IPodMemberSpec[]|null);
        }

        class TaskSpec implements ITaskSpec {
            constructor(properties?: berth.v1.ITaskSpec);
            public taskId: string;
            public appId: string;
            public version: string;
            public image: string;
            public forcePullImage: boolean;
            public privileged: boolean;
            public cmd: string;
            public args: string[];
            public hasArgs: boolean;
            public env: { [k: string]: string };
            public labels: { [k: string]: string };
            public user: string;
            public cpus: number;
            public mem: number;
            public disk: number;
            public ports: number[];
            public portNames: string[];
            public killGracePeriodSeconds: number;
            public parameters: berth.v1.IKeyValue[];
            public volumes: berth.v1.IVolumeSpec[];
            public networkMode: string;
            public healthChecksJson: string;
            public pullTimeoutSeconds: number;
            public pullAuthJson: string;
            public readinessChecksJson: string;
            public pidsLimit: number;
            public sealedEnv: Uint8Array;
            public portMappings: berth.v1.IPortMappingSpec[];
            public fetch: berth.v1.IFetchSpec[];
            public members: berth.v1.IPodMemberSpec[];
            public static create(properties?: berth.v1.ITaskSpec): berth.v1.TaskSpec;
            public static encode(message: berth.v1.ITaskSpec, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.TaskSpec;
            public static fromObject(object: { [k: string]: any }): berth.v1.TaskSpec;
            public static toObject(message: berth.v1.TaskSpec, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IPodMemberSpec {
            name?: (string|null);
            image?: (string|null);
            forcePull?: (boolean|null);
            cmd?: (string|null);
            args?: (string[]|null);
            hasArgs?: (boolean|null);
            env?: ({ [k: string]: string }|null);
            cpus?: (number|null);
            mem?: (number|null);
            user?: (string|null);
            mounts?: (berth.v1.IPodMountSpec[]|null);
        }

        class PodMemberSpec implements IPodMemberSpec {
            constructor(properties?: berth.v1.IPodMemberSpec);
            public name: string;
            public image: string;
            public forcePull: boolean;
            public cmd: string;
            public args: string[];
            public hasArgs: boolean;
            public env: { [k: string]: string };
            public cpus: number;
            public mem: number;
            public user: string;
            public mounts: berth.v1.IPodMountSpec[];
            public static create(properties?: berth.v1.IPodMemberSpec): berth.v1.PodMemberSpec;
            public static encode(message: berth.v1.IPodMemberSpec, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.PodMemberSpec;
            public static fromObject(object: { [k: string]: any }): berth.v1.PodMemberSpec;
            public static toObject(message: berth.v1.PodMemberSpec, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IPodMountSpec {
            containerPath?: (string|null);
            hostPath?: (string|null);
            sandboxDir?: (string|null);
            readOnly?: (boolean|null);
        }

        class PodMountSpec implements IPodMountSpec {
            constructor(properties?: berth.v1.IPodMountSpec);
            public containerPath: string;
            public hostPath: string;
            public sandboxDir: string;
            public readOnly: boolean;
            public static create(properties?: berth.v1.IPodMountSpec): berth.v1.PodMountSpec;
            public static encode(message: berth.v1.IPodMountSpec, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.PodMountSpec;
            public static fromObject(object: { [k: string]: any }): berth.v1.PodMountSpec;
            public static toObject(message: berth.v1.PodMountSpec, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IFetchSpec {
            uri?: (string|null);
            extract?: (boolean|null);
            executable?: (boolean|null);
            cache?: (boolean|null);
            destPath?: (string|null);
        }

        class FetchSpec implements IFetchSpec {
            constructor(properties?: berth.v1.IFetchSpec);
            public uri: string;
            public extract: boolean;
            public executable: boolean;
            public cache: boolean;
            public destPath: string;
            public static create(properties?: berth.v1.IFetchSpec): berth.v1.FetchSpec;
            public static encode(message: berth.v1.IFetchSpec, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.FetchSpec;
            public static fromObject(object: { [k: string]: any }): berth.v1.FetchSpec;
            public static toObject(message: berth.v1.FetchSpec, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IPortMappingSpec {
            containerPort?: (number|null);
            protocol?: (string|null);
        }

        class PortMappingSpec implements IPortMappingSpec {
            constructor(properties?: berth.v1.IPortMappingSpec);
            public containerPort: number;
            public protocol: string;
            public static create(properties?: berth.v1.IPortMappingSpec): berth.v1.PortMappingSpec;
            public static encode(message: berth.v1.IPortMappingSpec, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.PortMappingSpec;
            public static fromObject(object: { [k: string]: any }): berth.v1.PortMappingSpec;
            public static toObject(message: berth.v1.PortMappingSpec, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface ILaunchCommand {
            task?: (berth.v1.ITaskSpec|null);
            agentId?: (string|null);
            issuedAtMs?: (number|null);
        }

        class LaunchCommand implements ILaunchCommand {
            constructor(properties?: berth.v1.ILaunchCommand);
            public task?: (berth.v1.ITaskSpec|null);
            public agentId: string;
            public issuedAtMs: number;
            public static create(properties?: berth.v1.ILaunchCommand): berth.v1.LaunchCommand;
            public static encode(message: berth.v1.ILaunchCommand, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.LaunchCommand;
            public static fromObject(object: { [k: string]: any }): berth.v1.LaunchCommand;
            public static toObject(message: berth.v1.LaunchCommand, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IKillCommand {
            taskId?: (string|null);
            agentId?: (string|null);
            gracePeriodSeconds?: (number|null);
            reason?: (string|null);
            issuedAtMs?: (number|null);
        }

        class KillCommand implements IKillCommand {
            constructor(properties?: berth.v1.IKillCommand);
            public taskId: string;
            public agentId: string;
            public gracePeriodSeconds: number;
            public reason: string;
            public issuedAtMs: number;
            public static create(properties?: berth.v1.IKillCommand): berth.v1.KillCommand;
            public static encode(message: berth.v1.IKillCommand, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.KillCommand;
            public static fromObject(object: { [k: string]: any }): berth.v1.KillCommand;
            public static toObject(message: berth.v1.KillCommand, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStatusUpdate {
            uuid?: (string|null);
            taskId?: (string|null);
            appId?: (string|null);
            agentId?: (string|null);
            state?: (string|null);
            message?: (string|null);
            sequence?: (number|null);
            timestampMs?: (number|null);
            containerId?: (string|null);
            exitCode?: (number|null);
            hasExitCode?: (boolean|null);
            hostname?: (string|null);
            reason?: (string|null);
            health?: (berth.v1.IHealthStatus|null);
            ipAddresses?: (string[]|null);
        }

        class StatusUpdate implements IStatusUpdate {
            constructor(properties?: berth.v1.IStatusUpdate);
            public uuid: string;
            public taskId: string;
            public appId: string;
            public agentId: string;
            public state: string;
            public message: string;
            public sequence: number;
            public timestampMs: number;
            public containerId: string;
            public exitCode: number;
            public hasExitCode: boolean;
            public hostname: string;
            public reason: string;
            public health?: (berth.v1.IHealthStatus|null);
            public ipAddresses: string[];
            public static create(properties?: berth.v1.IStatusUpdate): berth.v1.StatusUpdate;
            public static encode(message: berth.v1.IStatusUpdate, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.StatusUpdate;
            public static fromObject(object: { [k: string]: any }): berth.v1.StatusUpdate;
            public static toObject(message: berth.v1.StatusUpdate, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStatusUpdates {
            updates?: (berth.v1.IStatusUpdate[]|null);
        }

        class StatusUpdates implements IStatusUpdates {
            constructor(properties?: berth.v1.IStatusUpdates);
            public updates: berth.v1.IStatusUpdate[];
            public static create(properties?: berth.v1.IStatusUpdates): berth.v1.StatusUpdates;
            public static encode(message: berth.v1.IStatusUpdates, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.StatusUpdates;
            public static fromObject(object: { [k: string]: any }): berth.v1.StatusUpdates;
            public static toObject(message: berth.v1.StatusUpdates, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IHealthStatus {
            state?: (string|null);
            consecutiveFailures?: (number|null);
            firstSuccessMs?: (number|null);
            lastSuccessMs?: (number|null);
            lastFailureMs?: (number|null);
            lastFailureCause?: (string|null);
            ready?: (boolean|null);
        }

        class HealthStatus implements IHealthStatus {
            constructor(properties?: berth.v1.IHealthStatus);
            public state: string;
            public consecutiveFailures: number;
            public firstSuccessMs: number;
            public lastSuccessMs: number;
            public lastFailureMs: number;
            public lastFailureCause: string;
            public ready: boolean;
            public static create(properties?: berth.v1.IHealthStatus): berth.v1.HealthStatus;
            public static encode(message: berth.v1.IHealthStatus, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.HealthStatus;
            public static fromObject(object: { [k: string]: any }): berth.v1.HealthStatus;
            public static toObject(message: berth.v1.HealthStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStatusAck {
            uuid?: (string|null);
            taskId?: (string|null);
            agentId?: (string|null);
        }

        class StatusAck implements IStatusAck {
            constructor(properties?: berth.v1.IStatusAck);
            public uuid: string;
            public taskId: string;
            public agentId: string;
            public static create(properties?: berth.v1.IStatusAck): berth.v1.StatusAck;
            public static encode(message: berth.v1.IStatusAck, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.StatusAck;
            public static fromObject(object: { [k: string]: any }): berth.v1.StatusAck;
            public static toObject(message: berth.v1.StatusAck, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface ITaskRecord {
            taskId?: (string|null);
            appId?: (string|null);
            agentId?: (string|null);
            hostname?: (string|null);
            ports?: (number[]|null);
            state?: (string|null);
            message?: (string|null);
            version?: (string|null);
            configVersion?: (string|null);
            stagedAtMs?: (number|null);
            startedAtMs?: (number|null);
            updatedAtMs?: (number|null);
            lastSequence?: (number|null);
            containerId?: (string|null);
            goal?: (string|null);
            exitCode?: (number|null);
            hasExitCode?: (boolean|null);
            endedAtMs?: (number|null);
            killGracePeriodSeconds?: (number|null);
            health?: (berth.v1.IHealthStatus|null);
            servicePorts?: (number[]|null);
            ipAddresses?: (string[]|null);
            frameworkId?: (string|null);
        }

        class TaskRecord implements ITaskRecord {
            constructor(properties?: berth.v1.ITaskRecord);
            public taskId: string;
            public appId: string;
            public agentId: string;
            public hostname: string;
            public ports: number[];
            public state: string;
            public message: string;
            public version: string;
            public configVersion: string;
            public stagedAtMs: number;
            public startedAtMs: number;
            public updatedAtMs: number;
            public lastSequence: number;
            public containerId: string;
            public goal: string;
            public exitCode: number;
            public hasExitCode: boolean;
            public endedAtMs: number;
            public killGracePeriodSeconds: number;
            public health?: (berth.v1.IHealthStatus|null);
            public servicePorts: number[];
            public ipAddresses: string[];
            public frameworkId: string;
            public static create(properties?: berth.v1.ITaskRecord): berth.v1.TaskRecord;
            public static encode(message: berth.v1.ITaskRecord, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.v1.TaskRecord;
            public static fromObject(object: { [k: string]: any }): berth.v1.TaskRecord;
            public static toObject(message: berth.v1.TaskRecord, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }
    }
}
