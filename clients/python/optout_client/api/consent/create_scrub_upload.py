from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_response import ErrorResponse
from ...models.gateway_error import GatewayError
from ...models.import_upload_response import ImportUploadResponse
from ...models.upload_request import UploadRequest
from typing import cast



def _get_kwargs(
    *,
    body: UploadRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/consent/scrub-uploads",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorResponse | ErrorResponse | GatewayError | GatewayError | ImportUploadResponse | None:
    if response.status_code == 200:
        response_200 = ImportUploadResponse.from_dict(response.json())



        return response_200

    if response.status_code == 201:
        response_201 = ImportUploadResponse.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        def _parse_response_401(data: object) -> ErrorResponse | GatewayError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_401_type_0 = ErrorResponse.from_dict(data)



                return response_401_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_401_type_1 = GatewayError.from_dict(data)



            return response_401_type_1

        response_401 = _parse_response_401(response.json())

        return response_401

    if response.status_code == 403:
        def _parse_response_403(data: object) -> ErrorResponse | GatewayError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_403_type_0 = ErrorResponse.from_dict(data)



                return response_403_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_403_type_1 = GatewayError.from_dict(data)



            return response_403_type_1

        response_403 = _parse_response_403(response.json())

        return response_403

    if response.status_code == 404:
        def _parse_response_404(data: object) -> ErrorResponse | GatewayError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_404_type_0 = ErrorResponse.from_dict(data)



                return response_404_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_404_type_1 = GatewayError.from_dict(data)



            return response_404_type_1

        response_404 = _parse_response_404(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        def _parse_response_413(data: object) -> ErrorResponse | GatewayError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_413_type_0 = ErrorResponse.from_dict(data)



                return response_413_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_413_type_1 = GatewayError.from_dict(data)



            return response_413_type_1

        response_413 = _parse_response_413(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ErrorResponse.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = ErrorResponse.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = GatewayError.from_dict(response.json())



        return response_429

    if response.status_code == 500:
        def _parse_response_500(data: object) -> ErrorResponse | GatewayError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_500_type_0 = ErrorResponse.from_dict(data)



                return response_500_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_500_type_1 = GatewayError.from_dict(data)



            return response_500_type_1

        response_500 = _parse_response_500(response.json())

        return response_500

    if response.status_code == 503:
        def _parse_response_503(data: object) -> ErrorResponse | GatewayError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_503_type_0 = ErrorResponse.from_dict(data)



                return response_503_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_503_type_1 = GatewayError.from_dict(data)



            return response_503_type_1

        response_503 = _parse_response_503(response.json())

        return response_503

    if response.status_code == 504:
        response_504 = GatewayError.from_dict(response.json())



        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorResponse | ErrorResponse | GatewayError | GatewayError | ImportUploadResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: UploadRequest,

) -> Response[ErrorResponse | ErrorResponse | GatewayError | GatewayError | ImportUploadResponse]:
    """ POST /consent/scrub-uploads

    Args:
        body (UploadRequest): A file too large for one request: where to PUT it first.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ErrorResponse | GatewayError | GatewayError | ImportUploadResponse]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: UploadRequest,

) -> ErrorResponse | ErrorResponse | GatewayError | GatewayError | ImportUploadResponse | None:
    """ POST /consent/scrub-uploads

    Args:
        body (UploadRequest): A file too large for one request: where to PUT it first.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ErrorResponse | GatewayError | GatewayError | ImportUploadResponse
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: UploadRequest,

) -> Response[ErrorResponse | ErrorResponse | GatewayError | GatewayError | ImportUploadResponse]:
    """ POST /consent/scrub-uploads

    Args:
        body (UploadRequest): A file too large for one request: where to PUT it first.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ErrorResponse | GatewayError | GatewayError | ImportUploadResponse]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: UploadRequest,

) -> ErrorResponse | ErrorResponse | GatewayError | GatewayError | ImportUploadResponse | None:
    """ POST /consent/scrub-uploads

    Args:
        body (UploadRequest): A file too large for one request: where to PUT it first.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ErrorResponse | GatewayError | GatewayError | ImportUploadResponse
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
