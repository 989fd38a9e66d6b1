""" Contains all the data models used in inputs/outputs """

from .actor_out import ActorOut
from .area_code import AreaCode
from .calling_window_out import CallingWindowOut
from .channel_consent import ChannelConsent
from .check_error import CheckError
from .consent_check_batch_request import ConsentCheckBatchRequest
from .consent_check_batch_response import ConsentCheckBatchResponse
from .consent_check_response import ConsentCheckResponse
from .consent_check_response_exemption_type_0 import ConsentCheckResponseExemptionType0
from .consent_check_response_requires_type_0 import ConsentCheckResponseRequiresType0
from .consent_check_response_would_refuse_type_0 import ConsentCheckResponseWouldRefuseType0
from .consent_import_response import ConsentImportResponse
from .consent_import_response_mode import ConsentImportResponseMode
from .consent_import_response_status import ConsentImportResponseStatus
from .consents_response import ConsentsResponse
from .contact_response import ContactResponse
from .contact_response_automation_channels import ContactResponseAutomationChannels
from .contact_response_consent import ContactResponseConsent
from .contact_response_conversation import ContactResponseConversation
from .contact_response_dnd import ContactResponseDnd
from .contact_response_opportunity import ContactResponseOpportunity
from .contact_response_opt_outs import ContactResponseOptOuts
from .contact_response_opt_outs_additional_property import ContactResponseOptOutsAdditionalProperty
from .contact_response_opt_outs_additional_property_additional_property_type_1_item import ContactResponseOptOutsAdditionalPropertyAdditionalPropertyType1Item
from .contact_response_phone_types import ContactResponsePhoneTypes
from .contact_response_phones import ContactResponsePhones
from .contact_response_relationship import ContactResponseRelationship
from .contact_response_sms_confirmation_type_0 import ContactResponseSmsConfirmationType0
from .contact_response_suppressed import ContactResponseSuppressed
from .contact_upsert_request import ContactUpsertRequest
from .contact_upsert_request_automation_channels_type_0 import ContactUpsertRequestAutomationChannelsType0
from .contact_upsert_request_automation_channels_type_0_additional_property import ContactUpsertRequestAutomationChannelsType0AdditionalProperty
from .contact_upsert_request_channel_type_0 import ContactUpsertRequestChannelType0
from .contact_upsert_request_state_type_0 import ContactUpsertRequestStateType0
from .contacts_page import ContactsPage
from .conversation_state import ConversationState
from .conversation_state_status import ConversationStateStatus
from .covering_grant import CoveringGrant
from .covering_grant_kind import CoveringGrantKind
from .disclosure import Disclosure
from .disclosure_request import DisclosureRequest
from .dnd_flags import DndFlags
from .dnd_request import DndRequest
from .dnd_request_channels_item import DndRequestChannelsItem
from .dnd_request_source import DndRequestSource
from .email_channel_request import EmailChannelRequest
from .error_response import ErrorResponse
from .evidence import Evidence
from .export_suppressions_channel_type_0 import ExportSuppressionsChannelType0
from .export_suppressions_format import ExportSuppressionsFormat
from .gateway_error import GatewayError
from .get_phone_channel import GetPhoneChannel
from .get_phone_method_type_0 import GetPhoneMethodType0
from .get_phone_purpose_type_0 import GetPhonePurposeType0
from .get_proof_response_200 import GetProofResponse200
from .grant_out import GrantOut
from .grant_out_evidence_type_0 import GrantOutEvidenceType0
from .grant_out_kind import GrantOutKind
from .grant_out_status import GrantOutStatus
from .grant_request import GrantRequest
from .grant_request_channels_item import GrantRequestChannelsItem
from .grant_request_kind import GrantRequestKind
from .grant_request_method import GrantRequestMethod
from .grant_request_purposes_item import GrantRequestPurposesItem
from .grant_request_signature_type_0 import GrantRequestSignatureType0
from .history_record import HistoryRecord
from .history_record_evidence import HistoryRecordEvidence
from .history_response import HistoryResponse
from .http_validation_error import HTTPValidationError
from .import_consents_mode import ImportConsentsMode
from .import_invalid import ImportInvalid
from .import_invalid_row import ImportInvalidRow
from .import_job_response import ImportJobResponse
from .import_job_response_mode import ImportJobResponseMode
from .import_job_response_status import ImportJobResponseStatus
from .import_suppressions_mode import ImportSuppressionsMode
from .import_upload_mode import ImportUploadMode
from .import_upload_request import ImportUploadRequest
from .import_upload_request_content_type import ImportUploadRequestContentType
from .import_upload_response import ImportUploadResponse
from .import_upload_response_headers import ImportUploadResponseHeaders
from .list_reviews_status import ListReviewsStatus
from .load_registry_file_kind import LoadRegistryFileKind
from .note_request import NoteRequest
from .opportunity import Opportunity
from .opportunity_request import OpportunityRequest
from .phone_response import PhoneResponse
from .phone_types import PhoneTypes
from .phones import Phones
from .registries_response import RegistriesResponse
from .registry_file_response import RegistryFileResponse
from .registry_file_response_kind import RegistryFileResponseKind
from .registry_file_response_status import RegistryFileResponseStatus
from .registry_info import RegistryInfo
from .registry_info_area_codes import RegistryInfoAreaCodes
from .relationship import Relationship
from .response_validation_error import ResponseValidationError
from .review_decision_request import ReviewDecisionRequest
from .review_decision_request_decision import ReviewDecisionRequestDecision
from .review_out import ReviewOut
from .review_out_channel import ReviewOutChannel
from .review_out_decision_type_0 import ReviewOutDecisionType0
from .review_out_status import ReviewOutStatus
from .review_out_suggested_item import ReviewOutSuggestedItem
from .reviews_response import ReviewsResponse
from .revocation_response import RevocationResponse
from .revocation_response_channels_item import RevocationResponseChannelsItem
from .revocation_response_outcome import RevocationResponseOutcome
from .revocation_response_purposes_type_0_item import RevocationResponsePurposesType0Item
from .revoked_by import RevokedBy
from .scrub_job_response import ScrubJobResponse
from .scrub_job_response_by_reason import ScrubJobResponseByReason
from .scrub_job_response_channel import ScrubJobResponseChannel
from .scrub_job_response_status import ScrubJobResponseStatus
from .search_contacts_opted_out import SearchContactsOptedOut
from .search_contacts_stopped import SearchContactsStopped
from .send_request import SendRequest
from .send_request_channel import SendRequestChannel
from .send_request_purpose import SendRequestPurpose
from .send_response import SendResponse
from .skip_out import SkipOut
from .sms_channel_request import SmsChannelRequest
from .sms_consent import SmsConsent
from .sms_consent_channels_item import SmsConsentChannelsItem
from .sms_consent_kind import SmsConsentKind
from .sms_consent_method import SmsConsentMethod
from .sms_consent_purposes_item import SmsConsentPurposesItem
from .sms_consent_signature_type_0 import SmsConsentSignatureType0
from .start_scrub_channel import StartScrubChannel
from .start_scrub_method_type_0 import StartScrubMethodType0
from .start_scrub_purpose import StartScrubPurpose
from .twilio_inbound_call_response_403 import TwilioInboundCallResponse403
from .twilio_inbound_call_response_413 import TwilioInboundCallResponse413
from .twilio_inbound_call_response_422 import TwilioInboundCallResponse422
from .twilio_inbound_call_response_500 import TwilioInboundCallResponse500
from .twilio_inbound_call_response_503 import TwilioInboundCallResponse503
from .twilio_inbound_sms_body_type_0 import TwilioInboundSmsBodyType0
from .twilio_inbound_sms_body_type_1 import TwilioInboundSmsBodyType1
from .twilio_inbound_sms_fallback_response_403 import TwilioInboundSmsFallbackResponse403
from .twilio_inbound_sms_fallback_response_413 import TwilioInboundSmsFallbackResponse413
from .twilio_inbound_sms_fallback_response_422 import TwilioInboundSmsFallbackResponse422
from .twilio_inbound_sms_fallback_response_500 import TwilioInboundSmsFallbackResponse500
from .twilio_inbound_sms_fallback_response_503 import TwilioInboundSmsFallbackResponse503
from .twilio_inbound_sms_response_403 import TwilioInboundSmsResponse403
from .twilio_inbound_sms_response_413 import TwilioInboundSmsResponse413
from .twilio_inbound_sms_response_422 import TwilioInboundSmsResponse422
from .twilio_inbound_sms_response_500 import TwilioInboundSmsResponse500
from .twilio_inbound_sms_response_503 import TwilioInboundSmsResponse503
from .twilio_message_status_body import TwilioMessageStatusBody
from .twilio_message_status_response_403 import TwilioMessageStatusResponse403
from .twilio_message_status_response_413 import TwilioMessageStatusResponse413
from .twilio_message_status_response_422 import TwilioMessageStatusResponse422
from .twilio_message_status_response_500 import TwilioMessageStatusResponse500
from .twilio_message_status_response_503 import TwilioMessageStatusResponse503
from .unsubscribe_link_response import UnsubscribeLinkResponse
from .unsubscribe_link_response_headers import UnsubscribeLinkResponseHeaders
from .upload_request import UploadRequest
from .upload_request_content_type import UploadRequestContentType
from .validation_error import ValidationError

__all__ = (
    "ActorOut",
    "AreaCode",
    "CallingWindowOut",
    "ChannelConsent",
    "CheckError",
    "ConsentCheckBatchRequest",
    "ConsentCheckBatchResponse",
    "ConsentCheckResponse",
    "ConsentCheckResponseExemptionType0",
    "ConsentCheckResponseRequiresType0",
    "ConsentCheckResponseWouldRefuseType0",
    "ConsentImportResponse",
    "ConsentImportResponseMode",
    "ConsentImportResponseStatus",
    "ConsentsResponse",
    "ContactResponse",
    "ContactResponseAutomationChannels",
    "ContactResponseConsent",
    "ContactResponseConversation",
    "ContactResponseDnd",
    "ContactResponseOpportunity",
    "ContactResponseOptOuts",
    "ContactResponseOptOutsAdditionalProperty",
    "ContactResponseOptOutsAdditionalPropertyAdditionalPropertyType1Item",
    "ContactResponsePhones",
    "ContactResponsePhoneTypes",
    "ContactResponseRelationship",
    "ContactResponseSmsConfirmationType0",
    "ContactResponseSuppressed",
    "ContactsPage",
    "ContactUpsertRequest",
    "ContactUpsertRequestAutomationChannelsType0",
    "ContactUpsertRequestAutomationChannelsType0AdditionalProperty",
    "ContactUpsertRequestChannelType0",
    "ContactUpsertRequestStateType0",
    "ConversationState",
    "ConversationStateStatus",
    "CoveringGrant",
    "CoveringGrantKind",
    "Disclosure",
    "DisclosureRequest",
    "DndFlags",
    "DndRequest",
    "DndRequestChannelsItem",
    "DndRequestSource",
    "EmailChannelRequest",
    "ErrorResponse",
    "Evidence",
    "ExportSuppressionsChannelType0",
    "ExportSuppressionsFormat",
    "GatewayError",
    "GetPhoneChannel",
    "GetPhoneMethodType0",
    "GetPhonePurposeType0",
    "GetProofResponse200",
    "GrantOut",
    "GrantOutEvidenceType0",
    "GrantOutKind",
    "GrantOutStatus",
    "GrantRequest",
    "GrantRequestChannelsItem",
    "GrantRequestKind",
    "GrantRequestMethod",
    "GrantRequestPurposesItem",
    "GrantRequestSignatureType0",
    "HistoryRecord",
    "HistoryRecordEvidence",
    "HistoryResponse",
    "HTTPValidationError",
    "ImportConsentsMode",
    "ImportInvalid",
    "ImportInvalidRow",
    "ImportJobResponse",
    "ImportJobResponseMode",
    "ImportJobResponseStatus",
    "ImportSuppressionsMode",
    "ImportUploadMode",
    "ImportUploadRequest",
    "ImportUploadRequestContentType",
    "ImportUploadResponse",
    "ImportUploadResponseHeaders",
    "ListReviewsStatus",
    "LoadRegistryFileKind",
    "NoteRequest",
    "Opportunity",
    "OpportunityRequest",
    "PhoneResponse",
    "Phones",
    "PhoneTypes",
    "RegistriesResponse",
    "RegistryFileResponse",
    "RegistryFileResponseKind",
    "RegistryFileResponseStatus",
    "RegistryInfo",
    "RegistryInfoAreaCodes",
    "Relationship",
    "ResponseValidationError",
    "ReviewDecisionRequest",
    "ReviewDecisionRequestDecision",
    "ReviewOut",
    "ReviewOutChannel",
    "ReviewOutDecisionType0",
    "ReviewOutStatus",
    "ReviewOutSuggestedItem",
    "ReviewsResponse",
    "RevocationResponse",
    "RevocationResponseChannelsItem",
    "RevocationResponseOutcome",
    "RevocationResponsePurposesType0Item",
    "RevokedBy",
    "ScrubJobResponse",
    "ScrubJobResponseByReason",
    "ScrubJobResponseChannel",
    "ScrubJobResponseStatus",
    "SearchContactsOptedOut",
    "SearchContactsStopped",
    "SendRequest",
    "SendRequestChannel",
    "SendRequestPurpose",
    "SendResponse",
    "SkipOut",
    "SmsChannelRequest",
    "SmsConsent",
    "SmsConsentChannelsItem",
    "SmsConsentKind",
    "SmsConsentMethod",
    "SmsConsentPurposesItem",
    "SmsConsentSignatureType0",
    "StartScrubChannel",
    "StartScrubMethodType0",
    "StartScrubPurpose",
    "TwilioInboundCallResponse403",
    "TwilioInboundCallResponse413",
    "TwilioInboundCallResponse422",
    "TwilioInboundCallResponse500",
    "TwilioInboundCallResponse503",
    "TwilioInboundSmsBodyType0",
    "TwilioInboundSmsBodyType1",
    "TwilioInboundSmsFallbackResponse403",
    "TwilioInboundSmsFallbackResponse413",
    "TwilioInboundSmsFallbackResponse422",
    "TwilioInboundSmsFallbackResponse500",
    "TwilioInboundSmsFallbackResponse503",
    "TwilioInboundSmsResponse403",
    "TwilioInboundSmsResponse413",
    "TwilioInboundSmsResponse422",
    "TwilioInboundSmsResponse500",
    "TwilioInboundSmsResponse503",
    "TwilioMessageStatusBody",
    "TwilioMessageStatusResponse403",
    "TwilioMessageStatusResponse413",
    "TwilioMessageStatusResponse422",
    "TwilioMessageStatusResponse500",
    "TwilioMessageStatusResponse503",
    "UnsubscribeLinkResponse",
    "UnsubscribeLinkResponseHeaders",
    "UploadRequest",
    "UploadRequestContentType",
    "ValidationError",
)
