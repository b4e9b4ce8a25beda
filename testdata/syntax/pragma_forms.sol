// Pragmas: one line, split over lines, the ; on its own line.
pragma solidity >=0.6.0
    <0.9.0
    || ^0.5.0;
pragma abicoder v2
;
pragma experimental ABIEncoderV2;
pragma   solidity   0.8.20 ;

contract C {}
